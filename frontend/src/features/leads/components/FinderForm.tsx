import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  Alert,
  Button,
  Checkbox,
  FileDrop,
  FileIcon,
  ListIcon,
  SearchIcon,
  SelectField,
  TabPanel,
  Tabs,
  TextAreaField,
  TextField,
  useTabsId,
  type TabItem,
} from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import type { FinderProviders, SearchProvider } from '../api';
import { useFinderProviders, useStartFinder, type StartInput } from '../hooks/useFinder';
import { Attribution, ProviderDetails, ProviderList } from './SearchProviders';
import { DisabledReason, useDemo } from '@/lib/demo';

export type FinderTab = 'search' | 'domains' | 'csv';

const TABS: TabItem<FinderTab>[] = [
  { key: 'search', label: 'Search', icon: <SearchIcon /> },
  { key: 'domains', label: 'Domain list', icon: <ListIcon /> },
  { key: 'csv', label: 'CSV upload', icon: <FileIcon /> },
];

export const MAX_URLS = 1000;
const NOT_CONFIGURED = 'urn:outbound:problem:discovery-not-configured';

export function domainLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

type Failure = { tab: FinderTab; title: string; detail: string; items: string[]; status: number };

const QUERY_HINTS: Record<SearchProvider, string> = {
  osm: 'A type of business and a place, e.g. “Elektriker München” or “Steuerberater in Graz”. Finds businesses on OpenStreetMap, then crawls each website.',
  searxng: 'Searches the web through your SearXNG instance, then crawls each company website found.',
  brave: 'Searches the web with Brave, then crawls each company website found.',
  serper: 'Searches Google through Serper, then crawls each company website found.',
  google: 'Searches with Google Programmable Search, then crawls each company website found.',
};

/** The tab to open on: Search when some provider can search, else the domain list (no dead end). */
export function initialTab(providers: FinderProviders | undefined): FinderTab {
  return providers && providers.default === null ? 'domains' : 'search';
}

export function FinderForm({ canStart }: { canStart: boolean }) {
  const tabsId = useTabsId();
  const navigate = useNavigate();
  const start = useStartFinder();
  const crawlRefused = useDemo().reason('crawl');
  const providersQuery = useFinderProviders();
  const providerInfo = providersQuery.data;
  const [chosenTab, setTab] = useState<FinderTab | null>(null);
  const tab = chosenTab ?? initialTab(providerInfo);
  const [chosenProvider, setProvider] = useState<SearchProvider | null>(null);
  const provider = chosenProvider ?? providerInfo?.default ?? null;
  const selected = providerInfo?.providers.find((p) => p.name === provider);
  const canSearch = providerInfo ? providerInfo.default !== null : true;
  const [query, setQuery] = useState('');
  const [maxResults, setMaxResults] = useState('');
  const [domains, setDomains] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [autoImport, setAutoImport] = useState(false);
  const [fieldError, setFieldError] = useState<Partial<Record<FinderTab | 'max', string>>>({});
  const [failure, setFailure] = useState<Failure | null>(null);

  const lines = domainLines(domains);

  function switchTab(next: FinderTab) {
    setTab(next);
    setFieldError({});
  }

  function validate(): StartInput | null {
    if (tab === 'search') {
      const q = query.trim();
      if (q.length < 2) return setFieldError({ search: 'Enter what to search for (at least 2 characters).' }), null;
      const max = maxResults.trim() ? Number(maxResults) : undefined;
      if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 500))
        return setFieldError({ max: 'Between 1 and 500.' }), null;
      return {
        kind: 'request',
        body: { query: q, auto_import: autoImport, ...(provider ? { provider } : {}), ...(max ? { max_results: max } : {}) },
      };
    }
    if (tab === 'domains') {
      if (!lines.length) return setFieldError({ domains: 'Paste at least one domain or URL.' }), null;
      if (lines.length > MAX_URLS) return setFieldError({ domains: `At most ${MAX_URLS} lines per job (you have ${lines.length}).` }), null;
      return { kind: 'request', body: { urls: lines, auto_import: autoImport } };
    }
    if (!file) return setFieldError({ csv: 'Choose a CSV file with a website or domain column.' }), null;
    return { kind: 'csv', file, autoImport };
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (crawlRefused) return; // Enter in a field submits too; the button says why it cannot
    setFailure(null);
    setFieldError({});
    const input = validate();
    if (!input) return;
    try {
      const data = await start.mutateAsync(input);
      navigate(`/leads/jobs/${data.job.id}`);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      const items = err instanceof ApiError ? (err.problem?.errors ?? []).map((x) => x.msg) : [];
      // "No provider can search" (a set-up matter) differs from "this query can't be read" (a typing one).
      const notConfigured = status === 422 && (err instanceof ApiError ? err.problem?.type : '') === NOT_CONFIGURED;
      const title =
        status === 403
          ? "You can't start the lead finder"
          : status === 413
            ? 'The file is too large'
            : tab === 'search' && notConfigured
              ? "Searching by query isn't available"
              : tab === 'search' && status === 422
                ? 'Check the search query'
                : "Couldn't start the finder";
      setFailure({ tab, title, detail: errorMessage(err), items, status });
    }
  }

  const noProvider = failure?.tab === 'search' && failure.title === "Searching by query isn't available";

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Lead finder">
      <Tabs tabs={TABS} value={tab} onChange={switchTab} label="How to find companies" idBase={tabsId} className="px-5" />
      <div className="space-y-5 px-5 py-5">
        <TabPanel idBase={tabsId} tabKey="search" active={tab === 'search'} className="space-y-4">
          {canSearch ? (
            <>
              <div className="grid gap-4 sm:grid-cols-[1fr_12rem_8rem]">
                <TextField
                  label="Search query"
                  name="query"
                  placeholder="e.g. Steuerberater München"
                  value={query}
                  maxLength={300}
                  error={fieldError.search}
                  hint={provider ? QUERY_HINTS[provider] : 'Finds company websites with the search provider, then crawls each one.'}
                  onChange={(e) => setQuery(e.target.value)}
                />
                <SelectField
                  label="Search with"
                  name="provider"
                  value={provider ?? ''}
                  disabled={!providerInfo}
                  onChange={(e) => setProvider(e.target.value as SearchProvider)}
                >
                  {providerInfo ? null : <option value="">Loading…</option>}
                  {providerInfo?.providers.map((p) => (
                    <option key={p.name} value={p.name} disabled={!p.configured}>
                      {p.configured ? p.label : `${p.label} (not set up)`}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label="Max results"
                  name="max_results"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={500}
                  placeholder="Default"
                  value={maxResults}
                  error={fieldError.max}
                  onChange={(e) => setMaxResults(e.target.value)}
                />
              </div>
              {selected?.notice ? (
                <Alert tone="warning" title="Google's search API is closing">
                  {selected.notice}
                </Alert>
              ) : null}
              {selected?.attribution ? <Attribution prefix="Results:" text={selected.attribution} /> : null}
              {providerInfo ? <ProviderDetails providers={providerInfo.providers} /> : null}
            </>
          ) : (
            <Alert
              tone="warning"
              title="Searching by query needs a search provider"
              actions={
                <>
                  <Button size="sm" variant="secondary" icon={<ListIcon className="size-4" />} onClick={() => switchTab('domains')}>
                    Paste a domain list
                  </Button>
                  <Button size="sm" variant="secondary" icon={<FileIcon className="size-4" />} onClick={() => switchTab('csv')}>
                    Upload a CSV
                  </Button>
                </>
              }
            >
              <p>None is set up on this server. An administrator can set up any of these; until then, paste domains or upload a CSV.</p>
              {providerInfo ? <ProviderList providers={providerInfo.providers} /> : null}
            </Alert>
          )}
        </TabPanel>
        <TabPanel idBase={tabsId} tabKey="domains" active={tab === 'domains'}>
          <TextAreaField
            label="Domains or URLs, one per line"
            name="urls"
            rows={8}
            placeholder={'mueller-stb.de\nhttps://www.example.com\n…'}
            value={domains}
            error={fieldError.domains}
            hint={
              <span aria-live="polite">
                {lines.length} {lines.length === 1 ? 'line' : 'lines'}
                {lines.length > MAX_URLS ? ` — at most ${MAX_URLS}` : ''}. Duplicates and unusable lines are skipped and listed with the job.
              </span>
            }
            onChange={(e) => setDomains(e.target.value)}
          />
        </TabPanel>
        <TabPanel idBase={tabsId} tabKey="csv" active={tab === 'csv'}>
          <FileDrop
            label="Choose a CSV file"
            accept=".csv,text/csv"
            file={file}
            onFile={setFile}
            error={fieldError.csv}
            hint="Needs a header row with a website, url or domain column; comma or semicolon separated."
          />
        </TabPanel>

        <Checkbox
          label="Import automatically"
          hint="Create or complete a company for every site as soon as it has been crawled."
          checked={autoImport}
          onChange={(e) => setAutoImport(e.target.checked)}
        />

        {failure ? (
          <Alert
            title={failure.title}
            actions={
              noProvider ? (
                <>
                  <Button size="sm" variant="secondary" icon={<ListIcon className="size-4" />} onClick={() => switchTab('domains')}>
                    Paste a domain list
                  </Button>
                  <Button size="sm" variant="secondary" icon={<FileIcon className="size-4" />} onClick={() => switchTab('csv')}>
                    Upload a CSV
                  </Button>
                </>
              ) : undefined
            }
          >
            <p>{failure.detail}</p>
            {failure.items.length ? (
              <ul className="mt-1.5 list-disc space-y-0.5 pl-5">
                {failure.items.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}

        <div className="flex items-center justify-end gap-3 border-t border-gray-100 pt-4">
          {canStart ? (
            <DisabledReason reason={crawlRefused}>
              <Button type="submit" loading={start.isPending} disabled={tab === 'search' && !canSearch} icon={<SearchIcon className="size-4" />}>
                Start finder
              </Button>
            </DisabledReason>
          ) : (
            <p className="text-sm text-gray-500">Demo accounts can browse finder jobs but can't start new ones.</p>
          )}
        </div>
      </div>
    </form>
  );
}
