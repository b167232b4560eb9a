import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  BackLink,
  Button,
  Card,
  CardHeader,
  ChevronLeftIcon,
  CompassIcon,
  DownloadIcon,
  ImportSummary,
  importProblems,
  PageHeader,
  ProgressBar,
  RecordLoadError,
  RecordNotFound,
  RefreshIcon,
  Skeleton,
  StopIcon,
  useToast,
  XIcon,
} from '@/components/ui';
import { errorMessage, isNotFound } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import { useRouteId } from '@/lib/useRouteId';
import { isJobActive, type FinderRead, type ImportReport } from '../api';
import { useCancelJob, useFinderJob, useImportResults, useRetryJob, useRetrySite } from '../hooks/useFinder';
import { ResultsTable } from './ResultsTable';
import { JobProgressText } from './RecentJobs';
import { Attribution } from './SearchProviders';
import { FinderStatusBadge } from './StatusBadges';

const PROVIDER_NAMES: Record<string, string> = {
  osm: 'OpenStreetMap',
  searxng: 'SearXNG',
  brave: 'Brave Search',
  serper: 'Serper',
  google: 'Google Programmable Search',
};

/** What the job's outcome means for the person looking at it; null when the badge says it all. */
function outcomeMessage(data: FinderRead): { tone: 'error' | 'warning' | 'info'; title: string; body: string } | null {
  const { outcome, counts } = data;
  const total = counts.pending + counts.running + counts.done + counts.failed;
  if (outcome === 'failed' && data.job.status === 'succeeded') {
    return total
      ? { tone: 'error', title: 'No site could be crawled', body: `All ${total} ${total === 1 ? 'site' : 'sites'} failed. Each row below says why; fix what you can and retry the site.` }
      : { tone: 'error', title: 'The search failed', body: 'The search provider reported a problem (below) and found nothing to crawl.' };
  }
  if (outcome === 'partial' && counts.failed) {
    return { tone: 'warning', title: `${counts.failed} of ${total} sites could not be crawled`, body: 'Each failed row says why and can be retried.' };
  }
  if (outcome === 'empty') {
    const unlinked = data.skipped.filter((s) => s.reason === 'no-website').length;
    return {
      tone: 'info',
      title: 'Nothing to crawl',
      body: unlinked
        ? `The search found ${unlinked} ${unlinked === 1 ? 'business' : 'businesses'} but no website to crawl (listed under skipped inputs).`
        : 'The search found no company websites. Try other words or another place.',
    };
  }
  return null;
}

const SKIP_REASONS: Record<string, string> = {
  invalid: 'Not a domain or URL',
  duplicate: 'Duplicate',
  directory: 'Directory or portal',
  social: 'Social network',
  hosting: 'Hosting or site builder',
  freemail: 'Free e-mail provider',
  excluded: 'Excluded',
  'blocked-tld': 'Blocked top-level domain',
  'no-website': 'No website on record',
};

export function skipReason(reason: string | undefined): string {
  return reason ? (SKIP_REASONS[reason] ?? reason) : 'Skipped';
}

const backLink = <BackLink to="/leads">Lead finder</BackLink>;

export function FinderJobPage() {
  const jobId = useRouteId('jobId');
  const query = useFinderJob(jobId);

  if (!jobId || isNotFound(query.error)) {
    return (
      <RecordNotFound
        back={backLink}
        icon={<CompassIcon />}
        title="Finder job not found"
        description="It may have been removed, or the link is mistyped."
        action={{ to: '/leads', label: 'Back to the lead finder' }}
      />
    );
  }
  if (query.isLoading) {
    return (
      <div aria-busy="true" aria-label="Loading finder job">
        {backLink}
        <Skeleton className="mb-6 h-7 w-64" />
        <Card className="space-y-3 p-5">
          <Skeleton className="w-40" />
          <Skeleton className="h-2 w-full" />
        </Card>
      </div>
    );
  }
  if (!query.data) {
    return <RecordLoadError back={backLink} title="Couldn't load the finder job" query={query} />;
  }
  return <FinderJobView data={query.data} pollError={query.isError ? errorMessage(query.error) : null} onRetryPoll={() => void query.refetch()} />;
}

function FinderJobView({ data, pollError, onRetryPoll }: { data: FinderRead; pollError: string | null; onRetryPoll: () => void }) {
  const { job, results, skipped } = data;
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'sales');
  const { toast } = useToast();
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const retrySite = useRetrySite(job.id);
  const importer = useImportResults(job.id);
  const [retryingId, setRetryingId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importing, setImporting] = useState<'selected' | 'all' | null>(null);

  const active = isJobActive(job.status);
  const total = job.progress_total;
  const doneIds = results.filter((r) => r.status === 'done').map((r) => r.id);
  const doneCount = doneIds.length;
  const failedCount = results.filter((r) => r.status === 'failed').length;
  const pct = total ? Math.round((job.progress_done / total) * 100) : 0;
  const message = outcomeMessage(data);

  async function retryOne(resultId: number) {
    setRetryingId(resultId);
    try {
      await retrySite.mutateAsync(resultId);
      toast({ tone: 'info', title: 'Crawling the site again' });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't retry the site", description: errorMessage(err) });
    } finally {
      setRetryingId(null);
    }
  }

  async function runImport(ids: number[], which: 'selected' | 'all') {
    setImporting(which);
    try {
      const rep = await importer.mutateAsync(ids);
      setReport(rep);
      setSelected(new Set());
      toast({
        tone: rep.created + rep.updated > 0 ? 'success' : 'info',
        title: 'Import finished',
        description: `${rep.created} created, ${rep.updated} updated, ${rep.skipped} skipped.`,
      });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't import", description: errorMessage(err) });
    } finally {
      setImporting(null);
    }
  }

  async function jobAction(kind: 'cancel' | 'retry') {
    try {
      await (kind === 'cancel' ? cancel : retry).mutateAsync(job.id);
      toast({ tone: 'info', title: kind === 'cancel' ? 'Cancelling the job' : 'Job queued again' });
    } catch (err) {
      toast({ tone: 'error', title: kind === 'cancel' ? "Couldn't cancel" : "Couldn't retry", description: errorMessage(err) });
    }
  }

  return (
    <>
      {backLink}
      <PageHeader
        title={`Finder job #${job.id}`}
        description={
          data.query
            ? `Search: “${data.query}”${data.provider ? ` · ${PROVIDER_NAMES[data.provider] ?? data.provider}` : ''}`
            : `${results.length} ${results.length === 1 ? 'site' : 'sites'} from a list`
        }
      />

      <div className="space-y-6">
        <Card className="p-5" aria-label="Job progress">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-3">
              <FinderStatusBadge status={job.status} outcome={data.outcome} stopping={job.cancel_requested} />
              <span className="text-sm text-gray-700 tabular-nums" data-testid="job-progress">
                <JobProgressText job={job} />
              </span>
              {total ? (
                <span className="text-xs text-gray-500">
                  {doneCount} done · {failedCount} failed
                </span>
              ) : null}
            </div>
            {canWrite ? (
              <div className="flex gap-2">
                {active ? (
                  <Button variant="secondary" size="sm" icon={<StopIcon className="size-4" />} loading={cancel.isPending} disabled={job.cancel_requested} onClick={() => void jobAction('cancel')}>
                    Cancel
                  </Button>
                ) : null}
                {job.status === 'failed' || job.status === 'cancelled' ? (
                  <Button variant="secondary" size="sm" icon={<RefreshIcon className="size-4" />} loading={retry.isPending} onClick={() => void jobAction('retry')}>
                    Retry
                  </Button>
                ) : null}
              </div>
            ) : null}
          </div>
          <ProgressBar className="mt-4" value={job.progress_done} max={total ?? 0} label={`Job progress: ${job.progress_done} of ${total ?? '?'} sites (${pct}%)`} />
          {total === null && active ? <p className="mt-2 text-sm text-gray-500">Looking for company websites…</p> : null}
          {job.status === 'failed' && job.error ? (
            <Alert className="mt-4" title="The job failed">
              {job.error}
            </Alert>
          ) : null}
          {message ? (
            <Alert className="mt-4" tone={message.tone} title={message.title}>
              {message.body}
            </Alert>
          ) : null}
          {data.search_errors.length && job.status !== 'failed' ? (
            <Alert className="mt-4" tone="warning" title="The search provider reported a problem">
              <ul className="list-disc space-y-0.5 pl-5">
                {data.search_errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {pollError ? (
            <Alert tone="warning" className="mt-4" title="Lost touch with the server" actions={<Button size="sm" variant="secondary" onClick={onRetryPoll}>Try again</Button>}>
              {pollError}
            </Alert>
          ) : null}
        </Card>

        {skipped.length ? (
          <details className="group rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
            <summary className="flex cursor-pointer items-center gap-2 px-5 py-3.5 text-sm font-medium text-gray-800 focus-visible:outline-2 focus-visible:outline-accent-600">
              <ChevronLeftIcon className="size-4 -rotate-180 text-gray-400 transition-transform group-open:-rotate-90" />
              {skipped.length} {skipped.length === 1 ? 'input' : 'inputs'} skipped
            </summary>
            <ul className="max-h-72 divide-y divide-gray-100 overflow-y-auto border-t border-gray-100 text-sm" aria-label="Skipped inputs">
              {skipped.map((s, i) => (
                <li key={i} className="grid grid-cols-1 gap-x-4 gap-y-0.5 px-5 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                  <span className="truncate font-mono text-xs leading-5 text-gray-800" title={s.url || s.name}>
                    {s.url || s.name || '—'}
                  </span>
                  <span className="text-gray-600">
                    <span className="font-medium text-gray-800">{skipReason(s.reason)}</span>
                    {s.detail ? <> — {s.detail}</> : null}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}

        {report ? (
          <Card>
            <CardHeader
              title="Import report"
              actions={
                <Button variant="ghost" size="sm" aria-label="Dismiss import report" onClick={() => setReport(null)} className="px-1.5">
                  <XIcon className="size-4" />
                </Button>
              }
            />
            <div className="p-5">
              <ImportSummary created={report.created} updated={report.updated} skipped={report.skipped} problems={importProblems(report.errors)}>
                {report.company_ids.length ? (
                  <div className="text-sm">
                    <span className="text-gray-600">Companies: </span>
                    <ul className="inline">
                      {report.company_ids.map((id, i) => {
                        const row = results.find((r) => r.company_id === id);
                        return (
                          <li key={id} className="inline">
                            {i > 0 ? ', ' : ''}
                            <Link to={`/companies/${id}`} className="font-medium text-accent-700 hover:underline">
                              {row?.domain ?? `#${id}`}
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ) : null}
              </ImportSummary>
            </div>
          </Card>
        ) : null}

        <section aria-labelledby="results-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" className="text-base font-semibold text-gray-900">
              Sites <span className="font-normal text-gray-500">({results.length})</span>
            </h2>
            {canWrite ? (
              <div className="flex items-center gap-2">
                {selected.size ? <span className="text-sm text-gray-600">{selected.size} selected</span> : null}
                <Button
                  size="sm"
                  icon={<DownloadIcon className="size-4" />}
                  loading={importing === 'selected'}
                  disabled={selected.size === 0 || importing !== null}
                  onClick={() => void runImport([...selected], 'selected')}
                >
                  Import selected
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={doneCount === 0 || importing !== null}
                  loading={importing === 'all'}
                  onClick={() => void runImport(doneIds, 'all')}
                >
                  Import all done
                </Button>
              </div>
            ) : null}
          </div>
          <ResultsTable
            results={results}
            selectable={canWrite}
            selected={selected}
            onSelectedChange={setSelected}
            canRetry={canWrite && job.status !== 'running'}
            onRetry={(id) => void retryOne(id)}
            retryingId={retryingId}
          />
          {data.attribution ? <Attribution prefix="Search results:" text={data.attribution} /> : null}
        </section>
      </div>
    </>
  );
}
