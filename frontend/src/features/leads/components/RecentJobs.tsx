import { Link } from 'react-router';
import { ErrorState, ProgressBar, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { resultOutcome, type JobRead } from '../api';
import { useRecentFinderJobs } from '../hooks/useFinder';
import { FinderStatusBadge } from './StatusBadges';

function resultSummary(job: JobRead): string | null {
  const r = job.result;
  if (!r) return null;
  const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
  const parts: string[] = [];
  if (n('sites') !== null) parts.push(`${n('sites')} sites`);
  if (n('failed')) parts.push(`${n('failed')} failed`);
  if (n('imported')) parts.push(`${n('imported')} imported`);
  return parts.join(' · ') || null;
}

export function JobProgressText({ job }: { job: JobRead }) {
  const total = job.progress_total;
  if (total === null || total === undefined) return <>{job.status === 'queued' || job.status === 'running' ? 'Searching…' : '—'}</>;
  const pct = total > 0 ? Math.round((job.progress_done / total) * 100) : 0;
  return (
    <>
      {job.progress_done} / {total} · {pct}%
    </>
  );
}

export function RecentJobs() {
  const query = useRecentFinderJobs();
  const jobs = query.data?.items;

  if (query.isLoading) {
    return (
      <ul aria-busy="true" aria-label="Loading finder jobs" className="divide-y divide-gray-100">
        {[0, 1, 2].map((i) => (
          <li key={i} className="flex items-center gap-4 px-5 py-3.5">
            <Skeleton className="w-20" />
            <Skeleton className="h-2 flex-1" />
            <Skeleton className="w-16" />
          </li>
        ))}
      </ul>
    );
  }
  if (query.isError && !jobs) {
    return <ErrorState title="Couldn't load finder jobs" message={errorMessage(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (!jobs?.length) {
    return <p className="px-5 py-8 text-center text-sm text-gray-500">No finder jobs yet. Start one above — it shows up here with its progress.</p>;
  }
  return (
    <ul className="divide-y divide-gray-100" aria-label="Recent finder jobs">
      {jobs.map((job) => {
        const total = job.progress_total ?? 0;
        const summary = resultSummary(job);
        return (
          <li key={job.id}>
            <Link
              to={`/leads/jobs/${job.id}`}
              className="grid grid-cols-[5.5rem_1fr] items-center gap-x-4 gap-y-1 px-5 py-3.5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600 sm:grid-cols-[5.5rem_7rem_1fr_8rem]"
            >
              <span className="text-sm font-medium text-accent-700">Job #{job.id}</span>
              <span>
                <FinderStatusBadge status={job.status} outcome={resultOutcome(job)} stopping={job.cancel_requested} />
              </span>
              <span className="col-span-2 flex min-w-0 items-center gap-3 sm:col-span-1">
                <ProgressBar value={job.progress_done} max={total || 1} label={`Progress of job ${job.id}`} className="max-w-xs" />
                <span className="text-xs whitespace-nowrap text-gray-600 tabular-nums">
                  <JobProgressText job={job} />
                </span>
              </span>
              <span className="col-span-2 truncate text-xs text-gray-500 sm:col-span-1 sm:text-right">
                {job.status === 'failed' && job.error ? <span className="text-red-700">{job.error}</span> : summary}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
