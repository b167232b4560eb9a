import { Badge, type BadgeTone } from './Badge';
import { Spinner } from './Spinner';

const JOB: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Finished', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
};

/** Status of a background job (any service's job queue); "Stopping…" once a cancel was asked for. */
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
