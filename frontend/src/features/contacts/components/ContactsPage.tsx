import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  ContactIcon,
  EmptyState,
  FilterBar,
  LeadStatusBadge,
  NoMatches,
  LeadStatusSelect,
  OptionSelect,
  PageHeader,
  PaginationFooter,
  PlusIcon,
  QueryErrorCard,
  SearchInput,
  Select,
  SortableTh,
  Table,
  TableEmptyRow,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
} from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import { intParam, useDebouncedUrlText, useUrlParams } from '@/lib/useUrlState';
import { formatPhone } from '@/lib/phone';
import {
  DEFAULT_SORT,
  filterOf,
  isContactSort,
  isLeadStatus,
  isLegalBasis,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  listParamsOf,
  type ListContactsParams,
} from '../api';
import { useContactsList, useSavedFilters } from '../hooks/useContacts';
import { LegalBasisBadge } from './Badges';
import { NewContactDialog } from './NewContactDialog';
import { SaveFilterDialog } from './SaveFilterDialog';

export const CONTACTS_PAGE_SIZE = 25;
const COLUMNS = 7;

export function ContactsPage() {
  const { params, update, setOffset } = useUrlParams();
  const [search, setSearch] = useDebouncedUrlText('q', params, update);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);

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
  const savedFilters = useSavedFilters().data ?? [];
  const openSaved = (id: string) => {
    const picked = savedFilters.find((f) => String(f.id) === id);
    const opened = picked ? listParamsOf(picked.filters) : null;
    if (opened && 'params' in opened) update(opened.params);
  };
  const onSort = (s: string) => update({ sort: s === DEFAULT_SORT ? null : s });
  const clear = () => update({ q: null, status: null, legal_basis: null });

  return (
    <>
      <PageHeader
        title="Contacts"
        description="People at your target companies, how to reach them, and on what legal basis you may."
        actions={
          <>
            <Button variant="secondary" onClick={() => setSaving(true)} disabled={!filtered} title={filtered ? undefined : 'Filter the list first'}>
              Save filter
            </Button>
            <Button icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
              New contact
            </Button>
          </>
        }
      />

      <FilterBar label="Filter contacts" className="mb-4" filtered={filtered} onClear={clear} query={query}>
        <SearchInput label="Search contacts" placeholder="Name, e-mail, role, phone…" value={search} onChange={setSearch} />
        <LeadStatusSelect
          aria-label="Status"
          className="w-40"
          allLabel="All statuses"
          value={status ?? ''}
          onChange={(e) => update({ status: e.target.value || null })}
        />
        <OptionSelect
          aria-label="Legal basis"
          className="w-48"
          options={LEGAL_BASES}
          labels={LEGAL_BASIS_LABELS}
          allLabel="Any legal basis"
          value={legalBasis ?? ''}
          onChange={(e) => update({ legal_basis: e.target.value || null })}
        />
        {savedFilters.length ? (
          <Select aria-label="Open a saved filter" className="w-52" value="" onChange={(e) => openSaved(e.target.value)}>
            <option value="">Open a saved filter…</option>
            {savedFilters.map((f) => {
              const opened = listParamsOf(f.filters);
              return 'reason' in opened ? (
                <option key={f.id} value={f.id} disabled title={opened.reason}>
                  {f.name} (campaign builder only)
                </option>
              ) : (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              );
            })}
          </Select>
        ) : null}
      </FilterBar>

      {query.isError && !data ? (
        <QueryErrorCard title="Couldn't load contacts" query={query} />
      ) : (
        <>
          <Table aria-label="Contacts">
            <THead>
              <tr>
                <SortableTh field="name" sort={sort} onSort={onSort}>
                  Name
                </SortableTh>
                <Th className="hidden md:table-cell">Company</Th>
                <Th className="hidden lg:table-cell">E-mail</Th>
                <SortableTh field="status" sort={sort} onSort={onSort}>
                  Status
                </SortableTh>
                <Th className="hidden md:table-cell">Legal basis</Th>
                <Th className="hidden xl:table-cell">Phone</Th>
                <SortableTh field="created_at" sort={sort} onSort={onSort} descFirst className="hidden sm:table-cell">
                  Added
                </SortableTh>
              </tr>
            </THead>
            {query.isLoading ? (
              <TableSkeleton columns={COLUMNS} label="Loading contacts" />
            ) : (
              <TBody>
                {data && data.items.length === 0 ? (
                  <TableEmptyRow columns={COLUMNS}>
                    {filtered ? (
                      <NoMatches title="No contacts match" description="Nobody matches this search and these filters." onClear={clear} />
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
                  </TableEmptyRow>
                ) : null}
                {data?.items.map((c) => (
                  <Tr key={c.id}>
                    <Td className="max-w-44 sm:max-w-64">
                      <Link to={`/contacts/${c.id}`} className="block truncate font-medium text-gray-900 hover:text-accent-700 hover:underline">
                        {c.name}
                      </Link>
                      {c.role ? <span className="block truncate text-xs text-gray-500">{c.role}</span> : null}
                      {c.company_name ? <span className="block truncate text-xs text-gray-500 md:hidden">{c.company_name}</span> : null}
                    </Td>
                    <Td className="hidden max-w-56 md:table-cell">
                      {c.company_id ? (
                        <Link to={`/companies/${c.company_id}`} className="block truncate text-gray-700 hover:text-accent-700 hover:underline">
                          {c.company_name ?? `Company #${c.company_id}`}
                        </Link>
                      ) : (
                        <span className="text-gray-400">—</span>
                      )}
                    </Td>
                    <Td className="hidden text-gray-600 lg:table-cell">{c.email ?? <span className="text-gray-400">—</span>}</Td>
                    <Td>
                      <LeadStatusBadge status={c.status} />
                    </Td>
                    <Td className="hidden md:table-cell">
                      <LegalBasisBadge basis={c.legal_basis} />
                    </Td>
                    <Td className="hidden whitespace-nowrap text-gray-600 xl:table-cell">
                      {c.phone ? formatPhone(c.phone) : <span className="text-gray-400">—</span>}
                    </Td>
                    <Td className="hidden whitespace-nowrap sm:table-cell">
                      <time dateTime={c.created_at} title={formatDateTime(c.created_at)}>
                        {formatDate(c.created_at)}
                      </time>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            )}
          </Table>
          <PaginationFooter page={data} pageSize={CONTACTS_PAGE_SIZE} label="Contacts pages" onOffsetChange={setOffset} />
        </>
      )}
      <NewContactDialog open={creating} onClose={() => setCreating(false)} />
      <SaveFilterDialog open={saving} onClose={() => setSaving(false)} filters={filterOf(listParams)} />
    </>
  );
}
