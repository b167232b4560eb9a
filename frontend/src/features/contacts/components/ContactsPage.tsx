import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  ContactIcon,
  EmptyState,
  ErrorState,
  Input,
  PageHeader,
  Pagination,
  PlusIcon,
  SearchIcon,
  Select,
  SortableTh,
  Spinner,
  Table,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { formatDate, formatDateTime } from '@/lib/format';
import { intParam, useDebouncedUrlText, useUrlParams } from '@/lib/useUrlState';
import {
  DEFAULT_SORT,
  isContactSort,
  isLeadStatus,
  isLegalBasis,
  LEAD_STATUSES,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  STATUS_LABELS,
  type ListContactsParams,
} from '../api';
import { useContactsList } from '../hooks/useContacts';
import { LegalBasisBadge, StatusBadge } from './Badges';
import { NewContactDialog } from './NewContactDialog';

export const CONTACTS_PAGE_SIZE = 25;
const COLUMNS = 7;

export function ContactsPage() {
  const { params, update } = useUrlParams();
  const [search, setSearch] = useDebouncedUrlText('q', params, update);
  const [creating, setCreating] = useState(false);

  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isLeadStatus(statusParam) ? statusParam : undefined;
  const basisParam = params.get('legal_basis');
  const legalBasis = isLegalBasis(basisParam) ? basisParam : undefined;
  const sortParam = params.get('sort');
  const sort = isContactSort(sortParam) ? sortParam : DEFAULT_SORT;
  const offset = intParam(params, 'offset');
  const filtered = Boolean(q || status || legalBasis);

  const listParams: ListContactsParams = {
    limit: CONTACTS_PAGE_SIZE,
    offset,
    sort,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(legalBasis ? { legal_basis: legalBasis } : {}),
  };
  const query = useContactsList(listParams);
  const data = query.data;
  const onSort = (s: string) => update({ sort: s === DEFAULT_SORT ? null : s });
  const clear = () => update({ q: null, status: null, legal_basis: null });

  return (
    <>
      <PageHeader
        title="Contacts"
        description="People at your target companies, how to reach them, and on what legal basis you may."
        actions={
          <Button icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
            New contact
          </Button>
        }
      />

      <div className="mb-4 flex flex-wrap items-center gap-3" role="search" aria-label="Filter contacts">
        <div className="relative w-full sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
          <Input
            type="search"
            aria-label="Search contacts"
            placeholder="Name, e-mail, role, phone…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="pl-9"
          />
        </div>
        <Select aria-label="Status" className="w-40" value={status ?? ''} onChange={(e) => update({ status: e.target.value || null })}>
          <option value="">All statuses</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Select aria-label="Legal basis" className="w-48" value={legalBasis ?? ''} onChange={(e) => update({ legal_basis: e.target.value || null })}>
          <option value="">Any legal basis</option>
          {LEGAL_BASES.map((b) => (
            <option key={b} value={b}>
              {LEGAL_BASIS_LABELS[b]}
            </option>
          ))}
        </Select>
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
        {query.isFetching && !query.isLoading ? <Spinner label="Updating" className="text-gray-400" /> : null}
      </div>

      {query.isError && !data ? (
        <div className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <ErrorState title="Couldn't load contacts" message={errorMessage(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        </div>
      ) : (
        <>
          <Table aria-label="Contacts">
            <THead>
              <tr>
                <SortableTh field="name" sort={sort} onSort={onSort}>
                  Name
                </SortableTh>
                <Th>Company</Th>
                <Th>E-mail</Th>
                <SortableTh field="status" sort={sort} onSort={onSort}>
                  Status
                </SortableTh>
                <Th>Legal basis</Th>
                <Th>Phone</Th>
                <SortableTh field="created_at" sort={sort} onSort={onSort} descFirst>
                  Added
                </SortableTh>
              </tr>
            </THead>
            {query.isLoading ? (
              <TableSkeleton columns={COLUMNS} label="Loading contacts" />
            ) : (
              <TBody>
                {data && data.items.length === 0 ? (
                  <tr>
                    <td colSpan={COLUMNS}>
                      {filtered ? (
                        <EmptyState
                          icon={<SearchIcon />}
                          title="No contacts match"
                          description="Nobody matches this search and these filters."
                          action={
                            <Button variant="secondary" onClick={clear}>
                              Clear filters
                            </Button>
                          }
                        />
                      ) : (
                        <EmptyState
                          icon={<ContactIcon />}
                          title="No contacts yet"
                          description="Representatives found by the lead finder, people from CSV imports and contacts you add appear here."
                          action={
                            <Button icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
                              New contact
                            </Button>
                          }
                        />
                      )}
                    </td>
                  </tr>
                ) : null}
                {data?.items.map((c) => (
                  <Tr key={c.id}>
                    <Td className="max-w-64">
                      <Link to={`/contacts/${c.id}`} className="block truncate font-medium text-gray-900 hover:text-accent-700 hover:underline">
                        {c.name}
                      </Link>
                      {c.role ? <span className="block truncate text-xs text-gray-500">{c.role}</span> : null}
                    </Td>
                    <Td className="max-w-56">
                      {c.company_id ? (
                        <Link to={`/companies/${c.company_id}`} className="block truncate text-gray-700 hover:text-accent-700 hover:underline">
                          {c.company_name ?? `Company #${c.company_id}`}
                        </Link>
                      ) : (
                        <span className="text-gray-400">—</span>
                      )}
                    </Td>
                    <Td className="text-gray-600">{c.email ?? <span className="text-gray-400">—</span>}</Td>
                    <Td>
                      <StatusBadge status={c.status} />
                    </Td>
                    <Td>
                      <LegalBasisBadge basis={c.legal_basis} />
                    </Td>
                    <Td className="whitespace-nowrap text-gray-600">{c.phone ?? <span className="text-gray-400">—</span>}</Td>
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
          {data ? (
            <Pagination
              offset={data.offset}
              limit={data.limit || CONTACTS_PAGE_SIZE}
              total={data.total}
              onOffsetChange={(o) => update({ offset: o > 0 ? String(o) : null })}
              label="Contacts pages"
            />
          ) : null}
        </>
      )}
      <NewContactDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
