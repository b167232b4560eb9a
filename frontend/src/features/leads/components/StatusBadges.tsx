import { Badge, Spinner, type BadgeTone } from '@/components/ui';

const JOB: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Finished', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
};

export function JobStatusBadge({ status, stopping = false }: { status: string; stopping?: boolean }) {
  const s = JOB[status] ?? { label: status, tone: 'neutral' as const };
  const active = status === 'running' || status === 'queued';
  return (
    <Badge tone={s.tone} className="gap-1.5">
      {status === 'running' ? <Spinner decorative className="[&_svg]:size-3" /> : null}
      {active && stopping ? 'Stopping…' : s.label}
    </Badge>
  );
}

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
