import { useState } from 'react';
import {
  Badge,
  Card,
  CardHeader,
  ConfirmDialog,
  EmptyState,
  ExternalLinkIcon,
  GuardedButton,
  PlusIcon,
  QueryErrorCard,
  Skeleton,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { EXTERNAL_LINK } from '@/lib/url';
import { addDays, browserZone, formatDay, formatTime, todayIn } from '@/lib/zones';
import type { BookingPage } from '../api';
import { useCalendarGuards, useClosePage, usePages, usePageSlots, useRotatePageLink } from '../hooks/useCalendar';
import { CopyField } from './CopyField';
import { PageFormDialog } from './PageFormDialog';

/** Your booking pages: each with its link to copy or rotate, its next free times, edit and close. */
export function PagesPanel() {
  const guards = useCalendarGuards();
  const pages = usePages(guards.userId);
  const [editing, setEditing] = useState<BookingPage | null>(null);
  const [creating, setCreating] = useState(false);

  const newButton = (
    <GuardedButton reason={guards.write} icon={<PlusIcon className="size-4" />} onClick={() => setCreating(true)}>
      New booking page
    </GuardedButton>
  );
  return (
    <div className="space-y-4">
      <div className="flex justify-end">{newButton}</div>
      {pages.isError ? (
        <QueryErrorCard title="Couldn't load your booking pages" query={pages} />
      ) : pages.isLoading || !pages.data ? (
        <Card className="space-y-3 p-5" aria-busy="true" aria-label="Loading booking pages">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-10" />
        </Card>
      ) : pages.data.length === 0 ? (
        <Card>
          <EmptyState
            title="No booking pages yet"
            description="A booking page offers your free times for one kind of meeting. Share its link, or let campaigns send each lead a personal one."
            action={newButton}
          />
        </Card>
      ) : (
        <ul className="space-y-4" aria-label="Booking pages">
          {pages.data.map((p) => (
            <li key={p.id}>
              <PageCard page={p} reason={guards.write} onEdit={() => setEditing(p)} />
            </li>
          ))}
        </ul>
      )}
      <PageFormDialog open={creating || editing !== null} page={editing} onClose={() => (setCreating(false), setEditing(null))} />
    </div>
  );
}

function PageCard({ page, reason, onEdit }: { page: BookingPage; reason: string | null; onEdit: () => void }) {
  const rotate = useRotatePageLink();
  const close = useClosePage();
  const { toast } = useToast();
  const [confirm, setConfirm] = useState<'rotate' | 'close' | null>(null);
  const headingId = `page-${page.id}-title`;

  async function run(action: 'rotate' | 'close') {
    try {
      if (action === 'rotate') {
        await rotate.mutateAsync(page.id);
        toast({ tone: 'success', title: 'New link made', description: 'The old link no longer works; personal links sent to leads still do.' });
      } else {
        await close.mutateAsync(page.id);
        toast({ tone: 'success', title: 'Booking page closed', description: 'Its links stop working; its bookings stay.' });
      }
    } catch (err) {
      toast({ tone: 'error', title: action === 'rotate' ? "Couldn't make a new link" : "Couldn't close the page", description: errorMessage(err) });
    }
    setConfirm(null);
  }

  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader
        id={headingId}
        title={page.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="accent">{page.duration_minutes} min</Badge>
            {page.location ? <span>{page.location}</span> : null}
            {page.questions.length ? <span>{page.questions.length} question{page.questions.length === 1 ? '' : 's'}</span> : null}
            {page.with_meet ? <Badge tone="info">Google Meet</Badge> : null}
          </span>
        }
        actions={
          <>
            <a href={page.url} {...EXTERNAL_LINK} className="inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline">
              Open <ExternalLinkIcon className="size-3.5" />
              <span className="sr-only">{page.title} (opens in a new tab)</span>
            </a>
            <GuardedButton variant="secondary" size="sm" reason={reason} onClick={onEdit} aria-label={`Edit ${page.title}`}>
              Edit
            </GuardedButton>
          </>
        }
      />
      <div className="grid gap-5 p-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-3">
          <CopyField label="Booking link" value={page.url} hint="Anyone with this link can book. Campaigns send each lead a personal link to this page instead." />
          <div className="flex flex-wrap gap-2">
            <GuardedButton variant="secondary" size="sm" reason={reason} onClick={() => setConfirm('rotate')}>
              New link
            </GuardedButton>
            <GuardedButton variant="ghost" size="sm" reason={reason} onClick={() => setConfirm('close')} className="text-red-700">
              Close page
            </GuardedButton>
          </div>
        </div>
        <NextSlots page={page} />
      </div>
      <ConfirmDialog
        open={confirm === 'rotate'}
        title="Make a new link?"
        description="The current link stops working at once: anyone who has it can no longer book. Personal links already sent to leads keep working."
        confirmLabel="Make a new link"
        pending={rotate.isPending}
        onConfirm={() => void run('rotate')}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'close'}
        title={`Close “${page.title}”?`}
        description="Its links, personal ones too, stop working. Meetings already booked stay."
        confirmLabel="Close page"
        tone="danger"
        pending={close.isPending}
        onConfirm={() => void run('close')}
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}

/** The page's next free times as a visitor sees them, in your zone. */
function NextSlots({ page }: { page: BookingPage }) {
  const [zone] = useState(browserZone);
  const from = todayIn(zone);
  const to = addDays(from, 13);
  const slots = usePageSlots(page.token, from, to, zone, true);
  const first = slots.data?.slots.slice(0, 6) ?? [];
  return (
    <section aria-label={`Next free times for ${page.title}`} className="space-y-2">
      <h3 className="text-sm font-medium text-gray-800">Next free times</h3>
      {slots.isLoading ? (
        <Skeleton className="h-16" />
      ) : slots.isError ? (
        <p className="text-sm text-red-700">{errorMessage(slots.error)}</p>
      ) : first.length === 0 ? (
        <p className="text-sm text-gray-600">No free time in the next two weeks. Check your availability.</p>
      ) : (
        <ul className="space-y-1 text-sm text-gray-700">
          {first.map((s) => (
            <li key={s.start}>
              {formatDay(s.start.slice(0, 10), 'medium')}, {formatTime(s.start, zone)}
            </li>
          ))}
          <li className="text-xs text-gray-500">Times in {zone}</li>
        </ul>
      )}
    </section>
  );
}
