import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Chips, LeadStatusBadge, SortableTh, Table, TableEmptyRow, TableSkeleton, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { cn } from '@/lib/cn';
import { formatDate, formatDateTime } from '@/lib/format';
import type { CompanyRead } from '../api';

const COLUMNS = 6;

const checkboxClass =
  'size-4 rounded border-gray-300 accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600';

/** Row checkboxes (for bulk actions); the selection survives paging. */
export type TableSelection = {
  selected: ReadonlySet<number>;
  onToggle: (company: CompanyRead) => void;
  onTogglePage: (companies: CompanyRead[], select: boolean) => void;
};

export function CompaniesTable({
  companies,
  loading,
  sort,
  onSort,
  empty,
  selection,
}: {
  companies: CompanyRead[] | undefined;
  loading: boolean;
  sort: string;
  onSort: (sort: string) => void;
  empty: ReactNode;
  selection?: TableSelection;
}) {
  const columns = selection ? COLUMNS + 1 : COLUMNS;
  const rows = companies ?? [];
  const pageSelected = rows.length > 0 && rows.every((c) => selection?.selected.has(c.id));
  const someSelected = rows.some((c) => selection?.selected.has(c.id));
  return (
    <Table aria-label="Companies">
      <THead>
        <tr>
          {selection ? (
            <Th className="w-10 pr-0">
              <input
                type="checkbox"
                className={checkboxClass}
                aria-label="Select all companies on this page"
                checked={pageSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !pageSelected;
                }}
                disabled={rows.length === 0}
                onChange={() => selection.onTogglePage(rows, !pageSelected)}
              />
            </Th>
          ) : null}
          <SortableTh field="name" sort={sort} onSort={onSort}>
            Name
          </SortableTh>
          <SortableTh field="status" sort={sort} onSort={onSort}>
            Status
          </SortableTh>
          <SortableTh field="city" sort={sort} onSort={onSort} className="hidden md:table-cell">
            Location
          </SortableTh>
          <Th className="hidden lg:table-cell">Tags</Th>
          <Th className="hidden text-right sm:table-cell">Contacts</Th>
          <SortableTh field="created_at" sort={sort} onSort={onSort} descFirst className="hidden md:table-cell">
            Added
          </SortableTh>
        </tr>
      </THead>
      {loading ? (
        <TableSkeleton columns={columns} label="Loading companies" />
      ) : (
        <TBody>
          {companies && companies.length === 0 ? <TableEmptyRow columns={columns}>{empty}</TableEmptyRow> : null}
          {companies?.map((c) => (
            <Tr key={c.id} className={cn(selection?.selected.has(c.id) && 'bg-accent-50/50')}>
              {selection ? (
                <Td className="pr-0">
                  <input
                    type="checkbox"
                    className={checkboxClass}
                    aria-label={`Select ${c.name}`}
                    checked={selection.selected.has(c.id)}
                    onChange={() => selection.onToggle(c)}
                  />
                </Td>
              ) : null}
              <Td className="max-w-44 sm:max-w-72">
                <Link to={`/companies/${c.id}`} className="block truncate font-medium text-gray-900 hover:text-accent-700 hover:underline">
                  {c.name}
                </Link>
                {c.domain ? <span className="block truncate text-xs text-gray-500">{c.domain}</span> : null}
                {c.city ? <span className="block truncate text-xs text-gray-500 md:hidden">{c.city}</span> : null}
              </Td>
              <Td>
                <LeadStatusBadge status={c.status} />
              </Td>
              <Td className="hidden whitespace-nowrap md:table-cell">
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
              <Td className="hidden lg:table-cell">
                <Chips items={c.tags} max={3} />
              </Td>
              <Td className="hidden text-right tabular-nums sm:table-cell">{c.contact_count}</Td>
              <Td className="hidden whitespace-nowrap md:table-cell">
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
