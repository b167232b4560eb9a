import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Chips, SortableTh, Table, TableSkeleton, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import type { CompanyRead } from '../api';
import { StatusBadge } from './StatusBadge';

const COLUMNS = 6;

export function CompaniesTable({
  companies,
  loading,
  sort,
  onSort,
  empty,
}: {
  companies: CompanyRead[] | undefined;
  loading: boolean;
  sort: string;
  onSort: (sort: string) => void;
  empty: ReactNode;
}) {
  return (
    <Table aria-label="Companies">
      <THead>
        <tr>
          <SortableTh field="name" sort={sort} onSort={onSort}>
            Name
          </SortableTh>
          <SortableTh field="status" sort={sort} onSort={onSort}>
            Status
          </SortableTh>
          <SortableTh field="city" sort={sort} onSort={onSort}>
            Location
          </SortableTh>
          <Th>Tags</Th>
          <Th className="text-right">Contacts</Th>
          <SortableTh field="created_at" sort={sort} onSort={onSort} descFirst>
            Added
          </SortableTh>
        </tr>
      </THead>
      {loading ? (
        <TableSkeleton columns={COLUMNS} label="Loading companies" />
      ) : (
        <TBody>
          {companies && companies.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS}>{empty}</td>
            </tr>
          ) : null}
          {companies?.map((c) => (
            <Tr key={c.id}>
              <Td className="max-w-72">
                <Link to={`/companies/${c.id}`} className="block truncate font-medium text-gray-900 hover:text-accent-700 hover:underline">
                  {c.name}
                </Link>
                {c.domain ? <span className="block truncate text-xs text-gray-500">{c.domain}</span> : null}
              </Td>
              <Td>
                <StatusBadge status={c.status} />
              </Td>
              <Td className="whitespace-nowrap">
                {c.city || c.country ? (
                  <>
                    {c.city}
                    {c.city && c.country ? ', ' : ''}
                    {c.country ? <span className="text-gray-500">{c.country}</span> : null}
                  </>
                ) : (
                  <span className="text-gray-400">—</span>
                )}
              </Td>
              <Td>
                <Chips items={c.tags} max={3} />
              </Td>
              <Td className="text-right tabular-nums">{c.contact_count}</Td>
              <Td className="whitespace-nowrap">
                <time dateTime={c.created_at} title={formatDateTime(c.created_at)}>
                  {formatDate(c.created_at)}
                </time>
              </Td>
            </Tr>
          ))}
        </TBody>
      )}
    </Table>
  );
}
