import { useState } from 'react';
import { Link } from 'react-router';
import {
  AI_DEMO_NOTE,
  AiErrorAlert,
  BuildingIcon,
  Button,
  DownloadIcon,
  EmptyState,
  FilterBar,
  Input,
  NoMatches,
  LeadStatusSelect,
  PageHeader,
  PaginationFooter,
  PlusIcon,
  QueryErrorCard,
  SearchInput,
  SparklesIcon,
  TargetIcon,
  UploadIcon,
} from '@/components/ui';
import { useAuth } from '@/lib/auth';
import { intParam, useDebouncedUrlText, useUrlParams } from '@/lib/useUrlState';
import { DEFAULT_SORT, isCompanySort, isJobActive, isLeadStatus, type CompanyRead, type ListCompaniesParams } from '../api';
import { useAiJob, useCurrentBatch, useStartEnrichBatch } from '../hooks/useAi';
import { useCompaniesList } from '../hooks/useCompanies';
import { BulkEnrichPanel } from './BulkEnrichPanel';
import { CompaniesTable, type TableSelection } from './CompaniesTable';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { NewCompanyDialog } from './NewCompanyDialog';
import { DisabledReason, useDemo } from '@/lib/demo';

export const COMPANIES_PAGE_SIZE = 25;

const linkButton =
  'inline-flex h-10 items-center gap-2 rounded-lg bg-accent-600 px-4 text-sm font-medium text-white shadow-sm hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600';

export function CompaniesPage() {
  const { hasRole } = useAuth();
  const canManage = hasRole('admin', 'sales');
  const { params, update, setOffset } = useUrlParams();
  const [search, setSearch] = useDebouncedUrlText('q', params, update);
  const [tagText, setTagText] = useDebouncedUrlText('tag', params, update);
  const [countryText, setCountryText] = useDebouncedUrlText('country', params, update);
  const [cityText, setCityText] = useDebouncedUrlText('city', params, update);
  const [dialog, setDialog] = useState<'new' | 'export' | 'import' | null>(null);
  // Selected companies (id → name), kept across pages for "Enrich selected".
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const startBatch = useStartEnrichBatch();
  const batch = useCurrentBatch().data ?? null;
  const batchJob = useAiJob(batch?.jobId ?? 0);
  const batchRunning = batch !== null && (!batchJob.data || isJobActive(batchJob.data.status));
  const aiRefused = useDemo().reason('ai') ?? (!canManage ? AI_DEMO_NOTE : null);
  const canEnrich = canManage && !aiRefused;

  const selection: TableSelection = {
    selected: new Set(selected.keys()),
    onToggle: (c) =>
      setSelected((prev) => {
        const next = new Map(prev);
        if (next.has(c.id)) next.delete(c.id);
        else next.set(c.id, c.name);
        return next;
      }),
    onTogglePage: (rows: CompanyRead[], select: boolean) =>
      setSelected((prev) => {
        const next = new Map(prev);
        for (const c of rows) {
          if (select) next.set(c.id, c.name);
          else next.delete(c.id);
        }
        return next;
      }),
  };

  async function enrichSelected() {
    try {
      await startBatch.mutateAsync([...selected].map(([id, name]) => ({ id, name })));
      setSelected(new Map());
    } catch {
      // Shown below the toolbar.
    }
  }

  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isLeadStatus(statusParam) ? statusParam : undefined;
  const tag = params.get('tag') ?? '';
  const country = params.get('country') ?? '';
  const city = params.get('city') ?? '';
  const sortParam = params.get('sort');
  const sort = isCompanySort(sortParam) ? sortParam : DEFAULT_SORT;
  const offset = intParam(params, 'offset');

  const listParams: ListCompaniesParams = {
    limit: COMPANIES_PAGE_SIZE,
    offset,
    sort,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(tag ? { tag } : {}),
    ...(country ? { country: country.toUpperCase() } : {}),
    ...(city ? { city } : {}),
  };
  const query = useCompaniesList(listParams);
  const data = query.data;
  const filtered = Boolean(q || status || tag || country || city);

  function clearFilters() {
    update({ q: null, status: null, tag: null, country: null, city: null });
  }

  return (
    <>
      <PageHeader
        title="Companies"
        description="Every organisation you've found, imported or talked to — with the facts from their websites and where each came from."
        actions={
          <>
            {canManage ? (
              <Button variant="secondary" icon={<UploadIcon className="size-4" />} onClick={() => setDialog('import')}>
                Import CSV
              </Button>
            ) : null}
            <Button variant="secondary" icon={<DownloadIcon className="size-4" />} onClick={() => setDialog('export')}>
              Export CSV
            </Button>
            <Button icon={<PlusIcon className="size-4" />} onClick={() => setDialog('new')}>
              New company
            </Button>
          </>
        }
      />

      <div className="mb-4 flex flex-wrap items-start gap-3">
        <FilterBar label="Filter companies" className="flex-1" filtered={filtered} onClear={clearFilters} query={query}>
          <SearchInput label="Search companies" placeholder="Name, domain, city, e-mail, VAT id…" value={search} onChange={setSearch} />
          <LeadStatusSelect
            aria-label="Status"
            className="w-40"
            allLabel="All statuses"
            value={status ?? ''}
            onChange={(e) => update({ status: e.target.value || null })}
          />
          <Input aria-label="Tag" placeholder="Tag" className="w-32" value={tagText} onChange={(e) => setTagText(e.target.value)} />
          <Input
            aria-label="Country"
            placeholder="Country (DE)"
            className="w-32"
            maxLength={2}
            value={countryText}
            onChange={(e) => setCountryText(e.target.value.toUpperCase())}
          />
          <Input aria-label="City" placeholder="City" className="w-36" value={cityText} onChange={(e) => setCityText(e.target.value)} />
        </FilterBar>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          {selected.size ? (
            <span className="text-sm text-gray-600" aria-live="polite">
              {selected.size} selected
              <button type="button" className="ml-2 font-medium text-accent-700 hover:underline" onClick={() => setSelected(new Map())}>
                Clear selection
              </button>
            </span>
          ) : null}
          <DisabledReason reason={aiRefused}>
            <Button
              variant="secondary"
              icon={<SparklesIcon className="size-4 text-violet-600" />}
              loading={startBatch.isPending}
              disabled={selected.size === 0 || batchRunning}
              title={batchRunning ? 'Wait for the running enrichment to finish' : undefined}
              onClick={() => void enrichSelected()}
            >
              Enrich selected
            </Button>
          </DisabledReason>
        </div>
      </div>

      {startBatch.isError ? (
        <AiErrorAlert
          className="mb-4"
          error={startBatch.error}
          actions={
            <Button size="sm" variant="secondary" onClick={() => startBatch.reset()}>
              Dismiss
            </Button>
          }
        />
      ) : null}
      {batch ? <BulkEnrichPanel batch={batch} job={batchJob} canCancel={canEnrich} /> : null}

      {query.isError && !data ? (
        <QueryErrorCard title="Couldn't load companies" query={query} />
      ) : (
        <>
          <CompaniesTable
            companies={data?.items}
            loading={query.isLoading}
            sort={sort}
            onSort={(s) => update({ sort: s === DEFAULT_SORT ? null : s })}
            selection={canEnrich ? selection : undefined}
            empty={
              filtered ? (
                <NoMatches title="No companies match" description="Nothing matches this search and these filters." onClear={clearFilters} />
              ) : (
                <EmptyState
                  icon={<BuildingIcon />}
                  title="No companies yet"
                  description="Use the lead finder to discover companies and crawl their websites, import a CSV, or add one by hand."
                  action={
                    <div className="flex flex-wrap justify-center gap-3">
                      <Link to="/leads" className={linkButton}>
                        <TargetIcon className="size-4" />
                        Open the lead finder
                      </Link>
                      <Button variant="secondary" icon={<PlusIcon className="size-4" />} onClick={() => setDialog('new')}>
                        New company
                      </Button>
                    </div>
                  }
                />
              )
            }
          />
          <PaginationFooter page={data} pageSize={COMPANIES_PAGE_SIZE} label="Companies pages" onOffsetChange={setOffset} />
        </>
      )}

      <NewCompanyDialog open={dialog === 'new'} onClose={() => setDialog(null)} />
      <ExportDialog open={dialog === 'export'} onClose={() => setDialog(null)} filters={{ q, status, tag }} otherFilters={Boolean(country || city)} />
      {canManage ? <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
