import { Badge, JobStatusBadge, Spinner, type BadgeTone } from '@/components/ui';

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
