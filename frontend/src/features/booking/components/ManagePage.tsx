import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, FullPageSpinner, TextAreaField } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { browserZone, dayOf, formatMoment } from '@/lib/zones';
import { cancel, getManaged, manageSlots, reschedule, type BookingCreated, type ManagedBooking, type Slot } from '../api';
import { useLoad } from '../hooks/useLoad';
import { Confirmation } from './Confirmation';
import { PublicMessage, PublicShell } from './PublicShell';
import { SlotPicker, type SlotSource } from './SlotPicker';
import { useWords, type Words } from '../i18n';
import { bookingProblem, linkProblem, localPath } from './words';

/**
 * /book/manage?reschedule=…&cancel=… — a booking seen through its signed links: move it to another
 * free time (reschedule link) or cancel it (cancel link). Each link does only its own job.
 */
export function ManagePage() {
  const w = useWords();
  const [params] = useSearchParams();
  const rescheduleLink = params.get('reschedule');
  const cancelLink = params.get('cancel');
  const link = rescheduleLink ?? cancelLink;
  const booking = useLoad(link ? () => getManaged(link) : null, [link]);
  if (!link) return <PublicMessage title={w.invalidTitle}>{w.invalidText}</PublicMessage>;
  if (booking.error) {
    const p = linkProblem(booking.error, w);
    return <PublicMessage title={p.title}>{p.detail}</PublicMessage>;
  }
  if (!booking.data) return <FullPageSpinner label={w.loadingBooking} />;
  return <Manage w={w} booking={booking.data} rescheduleLink={rescheduleLink} cancelLink={cancelLink} onChanged={booking.reload} />;
}

function Manage({ w, booking, rescheduleLink, cancelLink, onChanged }: { w: Words; booking: ManagedBooking; rescheduleLink: string | null; cancelLink: string | null; onChanged: () => void }) {
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [zone, setZone] = useState(() => booking.timezone || browserZone());
  const [moved, setMoved] = useState<BookingCreated | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  useEffect(() => {
    document.title = `${booking.title} · ${booking.host_name}`;
  }, [booking]);

  const source = useMemo<SlotSource | null>(() => {
    if (!rescheduleLink) return null;
    // No days endpoint behind a manage link: a month's slots say which days are free.
    return {
      days: async (from, to, tz) => [...new Set((await manageSlots(rescheduleLink, from, to, tz)).map((s) => dayOf(s.start)))],
      slots: (day, tz) => manageSlots(rescheduleLink, day, day, tz),
    };
  }, [rescheduleLink]);

  async function moveTo(slot: Slot) {
    if (!rescheduleLink) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await reschedule(rescheduleLink, slot.start, zone);
      setMoved(result);
      // The old links stopped working: the address bar gets the new ones, so a reload still works.
      window.history.replaceState(null, '', localPath(result.manage_url));
    } catch (err) {
      const p = bookingProblem(err, w);
      setMessage(p.message);
      if (p.taken) setRefresh((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  async function confirmCancel() {
    if (!cancelLink) return;
    setPending(true);
    setMessage(null);
    try {
      await cancel(cancelLink, reason.trim() || null);
      setMode('view');
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  if (moved) {
    return (
      <PublicShell branding={booking.branding}>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
          <Confirmation booking={moved} moved />
        </div>
      </PublicShell>
    );
  }

  const cancelled = booking.status === 'cancelled';
  return (
    <PublicShell branding={booking.branding}>
      <div className="space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
        <div>
          <p className="text-sm text-gray-600">{booking.host_name}</p>
          <h1 className="text-xl font-semibold text-gray-900">{booking.title}</h1>
          <p className={cancelled ? 'mt-1 text-gray-500 line-through' : 'mt-1 text-gray-900'}>{formatMoment(booking.start, booking.timezone)}</p>
          <p className="text-sm text-gray-600">
            {booking.name} · {booking.email}
          </p>
        </div>
        {cancelled ? (
          <Alert tone="info" title={w.cancelledTitle}>
            {w.cancelledText(booking.host_name)}
          </Alert>
        ) : null}
        {message ? <Alert tone="warning">{message}</Alert> : null}
        {!cancelled && mode === 'view' ? (
          <div className="flex flex-wrap gap-2">
            <a href={localPath(booking.ics_url)} download="meeting.ics" className="inline-flex h-10 items-center rounded-lg bg-white px-4 text-sm font-medium text-gray-800 ring-1 ring-gray-300 hover:bg-gray-50">
              {w.addIcs}
            </a>
            {rescheduleLink && booking.can_reschedule ? <Button onClick={() => setMode('move')}>{w.pickNew}</Button> : null}
            {cancelLink && booking.can_cancel ? (
              <Button variant="secondary" onClick={() => setMode('cancel')}>
                {w.cancelMeeting}
              </Button>
            ) : null}
          </div>
        ) : null}
        {mode === 'move' && source ? (
          <div className="space-y-3">
            <SlotPicker heading={w.pickNew} source={source} zone={zone} onZone={setZone} horizonDays={null} refresh={refresh} onPick={(s) => void moveTo(s)} />
            <div className="flex gap-2">
              {pending ? <span className="text-sm text-gray-600">{w.moving}</span> : null}
              <Button variant="ghost" onClick={() => setMode('view')}>
                {w.keepTime}
              </Button>
            </div>
          </div>
        ) : null}
        {mode === 'cancel' ? (
          <form
            className="space-y-3"
            aria-label={w.cancelForm}
            onSubmit={(e) => {
              e.preventDefault();
              void confirmCancel();
            }}
          >
            <TextAreaField label={w.reason} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            <div className="flex gap-2">
              <Button type="submit" variant="danger" loading={pending}>
                {w.cancelMeeting}
              </Button>
              <Button variant="ghost" onClick={() => setMode('view')}>
                {w.keepIt}
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </PublicShell>
  );
}
