import { Badge, type BadgeTone } from '@/components/ui';

export function eventTone(event: string): BadgeTone {
  if (event === 'refresh.reuse' || event.endsWith('.failed')) return 'danger';
  if (event.endsWith('.throttled') || event === 'user.deactivated') return 'warning';
  if (event === 'login.ok') return 'success';
  if (event.startsWith('user.')) return 'accent';
  return 'neutral';
}

export function EventBadge({ event }: { event: string }) {
  return <Badge tone={eventTone(event)} className="font-mono">{event}</Badge>;
}
