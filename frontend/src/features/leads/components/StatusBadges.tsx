import { Badge, JobStatusBadge, Spinner, type BadgeTone } from '@/components/ui';
import type { FinderOutcome } from '../api';

export { JobStatusBadge };

const SITE: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'neutral' },
  running: { label: 'Crawling', tone: 'info' },
  done: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function SiteStatusBadge({ status }: { status: string }) {
  const s = SITE[status] ?? { label: status, tone: 'neutral' as const };
  return (
    <Badge tone={s.tone} className="gap-1.5">
      {status === 'running' ? <Spinner decorative className="[&_svg]:size-3" /> : null}
      {s.label}
    </Badge>
  );
}

const OUTCOME: Record<FinderOutcome, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  finished: { label: 'Finished', tone: 'success' },
  partial: { label: 'Partly failed', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  empty: { label: 'Nothing found', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
};

/**
 * How a finder job went, judged by its sites: a job that ran to its end with every site failed is
 * "Failed", never a green "Finished". Falls back to the queue status for jobs without an outcome.
 */
export function FinderStatusBadge({ status, outcome, stopping = false }: { status: string; outcome: FinderOutcome | null; stopping?: boolean }) {
  if (!outcome || outcome === 'queued' || outcome === 'running' || status !== 'succeeded') {
    return <JobStatusBadge status={status} stopping={stopping} />;
  }
  const o = OUTCOME[outcome];
  return <Badge tone={o.tone}>{o.label}</Badge>;
}
