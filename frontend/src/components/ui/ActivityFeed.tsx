import { Fragment, useId, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { formatDateTime, formatRelative } from '@/lib/format';
import { isLeadStatus, STATUS_LABELS } from '@/lib/leadStatus';
import { Button } from './Button';
import { ErrorState } from './ErrorState';
import {
  ActivityIcon,
  CalendarIcon,
  ClockIcon,
  GlobeIcon,
  MailIcon,
  MergeIcon,
  NoteIcon,
  PlusIcon,
  ShieldIcon,
} from './icons';
import { Skeleton } from './Skeleton';

/** One timeline entry (structurally what the leads service's ActivityRead is). */
export type ActivityItem = {
  id: number;
  type: string;
  title: string;
  detail: Record<string, unknown>;
  actor: string | null;
  source?: string;
  occurred_at: string;
  contact_id?: number | null;
};

type Kind = { label: string; icon: ReactNode; tone: string };

export function activityKind(type: string): Kind {
  const t = type.toLowerCase();
  if (t === 'note') return { label: 'Note', icon: <NoteIcon />, tone: 'bg-amber-100 text-amber-700' };
  if (t === 'status.changed') return { label: 'Status', icon: <ActivityIcon />, tone: 'bg-accent-100 text-accent-700' };
  if (t.endsWith('.created')) return { label: 'Created', icon: <PlusIcon />, tone: 'bg-emerald-100 text-emerald-700' };
  if (t.startsWith('crawl.') || t === 'ai.enriched') return { label: 'Website', icon: <GlobeIcon />, tone: 'bg-sky-100 text-sky-700' };
  if (t.endsWith('.merged')) return { label: 'Merged', icon: <MergeIcon />, tone: 'bg-violet-100 text-violet-700' };
  if (t.startsWith('legal_basis')) return { label: 'Legal basis', icon: <ShieldIcon />, tone: 'bg-gray-200 text-gray-700' };
  if (t.startsWith('email') || t.startsWith('mail')) return { label: 'E-mail', icon: <MailIcon />, tone: 'bg-sky-100 text-sky-700' };
  if (t.startsWith('meeting') || t.startsWith('calendar')) return { label: 'Meeting', icon: <CalendarIcon />, tone: 'bg-emerald-100 text-emerald-700' };
  return { label: type, icon: <ClockIcon />, tone: 'bg-gray-100 text-gray-600' };
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const FIELD_NAMES: Record<string, string> = {
  emails: 'e-mail addresses',
  phones: 'phone numbers',
  legal_form: 'legal form',
  postal_code: 'postal code',
  register_court: 'register court',
  register_number: 'register number',
  vat_id: 'VAT ID',
  social: 'social profiles',
  size_estimate: 'company size',
  products_services: 'products and services',
};
const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

function fieldList(fields: unknown): string {
  if (!Array.isArray(fields) || !fields.length) return '';
  return listFormat.format(fields.map((f) => FIELD_NAMES[String(f)] ?? String(f).replace(/_/g, ' ')));
}

function count(n: unknown, one: string, many: string): string {
  return typeof n === 'number' && n > 0 ? `${n} ${n === 1 ? one : many}` : '';
}

function statusLabel(v: unknown): string {
  return typeof v === 'string' && isLeadStatus(v) ? STATUS_LABELS[v] : text(v);
}

function byRules(d: Record<string, unknown>): boolean {
  return d.provider === 'heuristic' || d.model === 'rules';
}

/** The headline a salesperson reads: the stored title, or a plainer one for entries whose title is technical. */
export function displayTitle(item: Pick<ActivityItem, 'type' | 'title' | 'detail'>): string {
  const d = item.detail ?? {};
  if (item.type === 'status.changed' && 'from' in d && 'to' in d) return `Status: ${statusLabel(d.from)} → ${statusLabel(d.to)}`;
  if (item.type === 'ai.enriched') return byRules(d) ? 'Profile updated from the website (rules, not AI)' : 'AI profile updated from the website';
  return item.title;
}

/** A short human line under the title, saying what changed; '' when the title says it all. */
export function summarizeDetail(type: string, detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return '';
  const d = detail;
  if (type === 'note') return typeof d.body === 'string' ? d.body : '';
  if (type === 'status.changed') return '';
  if (type.startsWith('legal_basis')) return typeof d.source === 'string' && d.source ? `Source: ${d.source}` : '';
  if (type.startsWith('crawl.') || type === 'ai.enriched') {
    const filled = fieldList(type === 'ai.enriched' ? d.updated_fields : d.filled);
    const parts = [
      filled ? `Added ${filled}` : '',
      count(type === 'ai.enriched' ? d.contacts_created : d.contacts_added, 'new contact', 'new contacts'),
      count(d.contacts_updated, 'contact updated', 'contacts updated'),
    ].filter(Boolean);
    return parts.join(' · ') || (type === 'ai.enriched' ? 'Nothing new found' : '');
  }
  return '';
}

/** The entry's raw detail (provider, model, prompt, …) for whoever wants it: shown on demand only. */
function detailRows(item: ActivityItem): Array<[string, string]> {
  if (item.type === 'note' || !item.detail) return [];
  return Object.entries(item.detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, Array.isArray(v) && v.every((x) => typeof x !== 'object') ? v.join(', ') : text(v)]);
}

function EntryDetails({ item }: { item: ActivityItem }) {
  const [open, setOpen] = useState(false);
  const rows = detailRows(item);
  const id = useId();
  if (!rows.length) return null;
  return (
    <div className="mt-0.5">
      <button
        type="button"
        className="text-xs font-medium text-accent-700 hover:underline"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide details' : 'Details'}
      </button>
      {open ? (
        <dl id={id} className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-lg bg-gray-50 p-2 text-xs text-gray-600">
          {rows.map(([k, v]) => (
            <Fragment key={k}>
              <dt className="font-medium text-gray-500">{k}</dt>
              <dd className="break-words">{v}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

export function ActivityFeed({
  items,
  loading,
  error,
  onRetry,
  hasMore,
  onLoadMore,
  loadingMore,
  emptyText = 'Nothing has happened here yet.',
  actorLabel = (a) => a,
  context,
}: {
  items: ActivityItem[] | undefined;
  loading: boolean;
  error?: string | null;
  onRetry?: () => void;
  hasMore?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  emptyText?: string;
  actorLabel?: (actor: string) => string;
  /** Extra context per entry, e.g. a link to the contact it belongs to. */
  context?: (item: ActivityItem) => ReactNode;
}) {
  if (loading) {
    return (
      <ul aria-busy="true" aria-label="Loading timeline" className="space-y-4">
        {[0, 1, 2].map((i) => (
          <li key={i} className="flex gap-3">
            <Skeleton className="size-8 rounded-full" />
            <div className="flex-1 space-y-2 pt-1">
              <Skeleton className="w-48" />
              <Skeleton className="w-72" />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  if (error && !items?.length) return <ErrorState title="Couldn't load the timeline" message={error} onRetry={onRetry} />;
  if (!items?.length) return <p className="py-6 text-center text-sm text-gray-500">{emptyText}</p>;

  return (
    <div>
      <ol className="relative space-y-5" aria-label="Timeline">
        {items.map((item, i) => {
          const kind = activityKind(item.type);
          const summary = summarizeDetail(item.type, item.detail);
          const extra = context?.(item);
          return (
            <li key={item.id} className="relative flex gap-3">
              {i < items.length - 1 ? <span aria-hidden="true" className="absolute top-9 bottom-[-1.25rem] left-4 w-px bg-gray-200" /> : null}
              <span className={cn('relative flex size-8 shrink-0 items-center justify-center rounded-full [&_svg]:size-4', kind.tone)} aria-hidden="true">
                {kind.icon}
              </span>
              <div className="min-w-0 flex-1">
                <p className="text-sm text-gray-900">
                  <span className="sr-only">{kind.label}: </span>
                  <span className="font-medium">{displayTitle(item)}</span>
                  {extra ? <span className="text-gray-500"> · {extra}</span> : null}
                </p>
                {summary ? (
                  <p className={cn('mt-0.5 text-sm break-words text-gray-600', item.type === 'note' ? 'line-clamp-4 whitespace-pre-wrap' : 'line-clamp-2')}>
                    {summary}
                  </p>
                ) : null}
                <p className="mt-1 text-xs text-gray-500">
                  {item.actor ? <>{actorLabel(item.actor)} · </> : null}
                  <time dateTime={item.occurred_at} title={formatDateTime(item.occurred_at)}>
                    {formatRelative(item.occurred_at)}
                  </time>
                  {item.source && item.source !== 'leads' ? <> · via {item.source}</> : null}
                </p>
                <EntryDetails item={item} />
              </div>
            </li>
          );
        })}
      </ol>
      {error ? <p role="alert" className="mt-4 text-sm text-red-700">{error}</p> : null}
      {hasMore && onLoadMore ? (
        <div className="mt-5 flex justify-center">
          <Button variant="secondary" size="sm" onClick={onLoadMore} loading={loadingMore}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
