import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Card,
  CardHeader,
  ConfirmDialog,
  GuardedButton,
  QueryErrorCard,
  Skeleton,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import type { GoogleStatus } from '../api';
import {
  useCalendarGuards,
  useChooseGoogleCalendars,
  useConnectGoogle,
  useDeleteFeed,
  useDisconnectGoogle,
  useFeed,
  useGoogle,
  useGoogleCalendars,
  useRotateFeed,
} from '../hooks/useCalendar';
import { CopyField } from './CopyField';

export function ConnectionsPanel() {
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <GoogleCard />
      <FeedCard />
    </div>
  );
}

const STATE_BADGE = {
  connected: <Badge tone="success">Connected</Badge>,
  revoked: <Badge tone="danger">Access revoked</Badge>,
  disconnected: <Badge tone="neutral">Not connected</Badge>,
} as const;

const NOT_ENABLED = 'Google Calendar is not set up on this server: an admin sets OUTBOUND_CALENDAR_PROVIDER=google with a Google OAuth client.';

/** Google Calendar: connect (OAuth in Google's page), pick calendars, disconnect; a revoked grant says so. */
function GoogleCard() {
  const guards = useCalendarGuards();
  const status = useGoogle();
  const connect = useConnectGoogle();
  const disconnect = useDisconnectGoogle();
  const { toast } = useToast();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function startConnect() {
    setError(null);
    try {
      const url = await connect.mutateAsync();
      // Google's consent page; it sends the browser back to /calendar/google/callback.
      window.location.assign(url);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function runDisconnect() {
    try {
      await disconnect.mutateAsync();
      toast({ tone: 'success', title: 'Google Calendar disconnected', description: 'Busy times now come from your bookings here only.' });
    } catch (err) {
      setError(errorMessage(err));
    }
    setConfirm(false);
  }

  if (status.isError) return <QueryErrorCard title="Couldn't load the Google Calendar connection" query={status} />;
  const g = status.data;
  const reason = guards.setting ?? (g && !g.enabled ? NOT_ENABLED : null);
  return (
    <Card role="region" aria-labelledby="google-calendar" className="self-start">
      <CardHeader id="google-calendar" title="Google Calendar" description="Busy times from the calendars you pick are kept free, and every booking is added as an event." actions={g ? STATE_BADGE[g.state] : null} />
      <div className="space-y-4 p-5">
        {!g ? (
          <Skeleton className="h-16" />
        ) : (
          <>
            {error ? <Alert>{error}</Alert> : null}
            {g.state === 'revoked' ? <Alert tone="warning" title="Google no longer accepts this connection">{g.detail}</Alert> : <p className="text-sm text-gray-700">{g.detail}</p>}
            {g.state === 'connected' ? (
              <>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-gray-500">Account</dt>
                  <dd className="break-all text-gray-900">{g.account_email ?? '—'}</dd>
                  <dt className="text-gray-500">Since</dt>
                  <dd className="text-gray-900">{formatDateTime(g.connected_at)}</dd>
                </dl>
                <CalendarChoice status={g} reason={guards.setting} />
              </>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {g.state !== 'connected' ? (
                <GuardedButton reason={reason} loading={connect.isPending} onClick={() => void startConnect()}>
                  {g.state === 'revoked' ? 'Reconnect Google Calendar' : 'Connect Google Calendar'}
                </GuardedButton>
              ) : null}
              {g.state !== 'disconnected' ? (
                <GuardedButton variant="secondary" reason={guards.setting} onClick={() => setConfirm(true)}>
                  Disconnect
                </GuardedButton>
              ) : null}
            </div>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirm}
        title="Disconnect Google Calendar?"
        description="The grant is revoked at Google. Busy times from Google are no longer checked and new bookings are not added to it; existing events stay."
        confirmLabel="Disconnect"
        tone="danger"
        pending={disconnect.isPending}
        onConfirm={() => void runDisconnect()}
        onCancel={() => setConfirm(false)}
      />
    </Card>
  );
}

/** Which calendars count as busy, and which one bookings go to. */
function CalendarChoice({ status, reason }: { status: GoogleStatus; reason: string | null }) {
  const calendars = useGoogleCalendars(true);
  const choose = useChooseGoogleCalendars();
  const { toast } = useToast();
  const [busy, setBusy] = useState<string[]>(status.busy_calendar_ids);
  const [target, setTarget] = useState<string>(status.event_calendar_id ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!calendars.data) return;
    setBusy(calendars.data.filter((c) => c.busy).map((c) => c.id));
    setTarget(calendars.data.find((c) => c.events)?.id ?? '');
  }, [calendars.data]);

  if (calendars.isError) return <Alert title="Couldn't list your Google calendars">{errorMessage(calendars.error)}</Alert>;
  if (!calendars.data) return <Skeleton className="h-24" />;

  async function save() {
    setError(null);
    try {
      await choose.mutateAsync({ busy_calendar_ids: busy, event_calendar_id: target });
      toast({ tone: 'success', title: 'Calendars saved' });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const unchanged = JSON.stringify([...busy].sort()) === JSON.stringify(calendars.data.filter((c) => c.busy).map((c) => c.id).sort()) && target === (calendars.data.find((c) => c.events)?.id ?? '');
  return (
    <fieldset disabled={!!reason} className="space-y-3">
      <legend className="text-sm font-medium text-gray-800">Your calendars</legend>
      {error ? <Alert>{error}</Alert> : null}
      <table className="w-full text-sm">
        <caption className="sr-only">Google calendars: which count as busy and which receives bookings</caption>
        <thead>
          <tr className="text-left text-xs text-gray-500">
            <th className="py-1 font-medium">Calendar</th>
            <th className="py-1 font-medium">Busy times</th>
            <th className="py-1 font-medium">Add bookings</th>
          </tr>
        </thead>
        <tbody>
          {calendars.data.map((c) => (
            <tr key={c.id} className="border-t border-gray-100">
              <td className="py-2 pr-2 break-all text-gray-900">
                {c.name}
                {c.primary ? <span className="ml-1.5 text-xs text-gray-500">(primary)</span> : null}
              </td>
              <td className="py-2">
                <input
                  type="checkbox"
                  className="size-4 accent-accent-600"
                  aria-label={`Count ${c.name} as busy`}
                  checked={busy.includes(c.id)}
                  onChange={(e) => setBusy(e.target.checked ? [...busy, c.id] : busy.filter((x) => x !== c.id))}
                />
              </td>
              <td className="py-2">
                <input
                  type="radio"
                  name="event-calendar"
                  className="size-4 accent-accent-600"
                  aria-label={`Add bookings to ${c.name}`}
                  disabled={!c.writable}
                  title={c.writable ? undefined : 'You can only read this calendar.'}
                  checked={target === c.id}
                  onChange={() => setTarget(c.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <GuardedButton size="sm" reason={reason ?? (busy.length === 0 ? 'Pick at least one calendar for busy times.' : !target ? 'Pick the calendar bookings go to.' : null)} loading={choose.isPending} disabled={unchanged} onClick={() => void save()}>
        Save calendars
      </GuardedButton>
    </fieldset>
  );
}

/** The secret iCalendar feed of your bookings, for Outlook, Apple Calendar or any app that subscribes. */
function FeedCard() {
  const guards = useCalendarGuards();
  const feed = useFeed();
  const rotate = useRotateFeed();
  const remove = useDeleteFeed();
  const { toast } = useToast();
  const [confirm, setConfirm] = useState<'rotate' | 'off' | null>(null);

  async function run(action: 'on' | 'rotate' | 'off') {
    try {
      if (action === 'off') await remove.mutateAsync();
      else await rotate.mutateAsync();
      toast({ tone: 'success', title: action === 'off' ? 'Feed switched off' : action === 'on' ? 'Feed switched on' : 'New feed address made', description: action === 'rotate' ? 'Subscriptions to the old address stop updating.' : undefined });
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't change the feed", description: errorMessage(err) });
    }
    setConfirm(null);
  }

  if (feed.isError) return <QueryErrorCard title="Couldn't load your calendar feed" query={feed} />;
  return (
    <Card role="region" aria-labelledby="calendar-feed" className="self-start">
      <CardHeader id="calendar-feed" title="Calendar feed" description="Subscribe to your bookings from Outlook, Apple Calendar or any calendar app, without Google." actions={feed.data ? feed.data.url ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Off</Badge> : null} />
      <div className="space-y-4 p-5">
        {!feed.data ? (
          <Skeleton className="h-16" />
        ) : feed.data.url ? (
          <>
            <CopyField label="Feed address" value={feed.data.url} hint="Secret: anyone with it sees your meetings. Calendar apps refresh it every few hours." />
            <div className="flex flex-wrap gap-2">
              <GuardedButton variant="secondary" size="sm" reason={guards.setting} onClick={() => setConfirm('rotate')}>
                New address
              </GuardedButton>
              <GuardedButton variant="ghost" size="sm" reason={guards.setting} onClick={() => setConfirm('off')}>
                Switch off
              </GuardedButton>
            </div>
          </>
        ) : (
          <GuardedButton reason={guards.setting} loading={rotate.isPending} onClick={() => void run('on')}>
            Switch the feed on
          </GuardedButton>
        )}
      </div>
      <ConfirmDialog
        open={confirm === 'rotate'}
        title="Make a new feed address?"
        description="Calendar apps subscribed to the current address stop receiving updates; subscribe again with the new one."
        confirmLabel="Make a new address"
        pending={rotate.isPending}
        onConfirm={() => void run('rotate')}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'off'}
        title="Switch the feed off?"
        description="The address stops working; subscribed calendar apps keep what they last loaded."
        confirmLabel="Switch off"
        tone="danger"
        pending={remove.isPending}
        onConfirm={() => void run('off')}
        onCancel={() => setConfirm(null)}
      />
    </Card>
  );
}
