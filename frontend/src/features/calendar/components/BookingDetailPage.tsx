import { useState } from 'react';
import { BackLink, CalendarIcon, Card, CardHeader, GuardedButton, RecordLoadError, RecordNotFound, Skeleton } from '@/components/ui';
import { isNotFound } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { safeHttpUrl, EXTERNAL_LINK } from '@/lib/url';
import { useRouteId } from '@/lib/useRouteId';
import { useBooking, useCalendarGuards } from '../hooks/useCalendar';
import { BookingLead, BookingStatusBadge, BookingWhen, CampaignLink, CompanyLink } from './BookingParts';
import { CancelBookingDialog } from './CancelBookingDialog';

/** One booking (the host's confirmation e-mail links here): when, who, where from, answers, cancel. */
function NotFound() {
  return (
    <RecordNotFound
      back={<BackLink to="/calendar">Calendar</BackLink>}
      icon={<CalendarIcon />}
      title="Booking not found"
      description="It may have been removed, or the link is wrong."
      action={{ to: '/calendar', label: 'See all bookings' }}
    />
  );
}

export function BookingDetailPage() {
  const id = useRouteId('bookingId');
  return id === 0 ? <NotFound /> : <BookingDetail id={id} />;
}

function BookingDetail({ id }: { id: number }) {
  const query = useBooking(id);
  const guards = useCalendarGuards();
  const [cancelling, setCancelling] = useState(false);
  const back = <BackLink to="/calendar">Calendar</BackLink>;
  if (query.isError) {
    return isNotFound(query.error) ? <NotFound /> : <RecordLoadError back={back} title="Couldn't load the booking" query={query} />;
  }
  const b = query.data;
  if (!b) {
    return (
      <>
        {back}
        <Card className="space-y-3 p-5" aria-busy="true" aria-label="Loading the booking">
          <Skeleton className="h-6 w-64" />
          <Skeleton className="h-24" />
        </Card>
      </>
    );
  }
  const canCancel = b.status === 'confirmed' && new Date(b.start).getTime() > Date.now();
  const reason = guards.write ?? (b.host_id !== guards.userId && !guards.isAdmin ? 'Only the host or an admin can cancel this booking.' : null);
  const eventLink = safeHttpUrl(b.event_link);
  const meet = safeHttpUrl(b.meet_url);
  return (
    <>
      {back}
      <Card role="region" aria-labelledby="booking-title">
        <CardHeader
          id="booking-title"
          as="h2"
          title={`${b.page_title} with ${b.visitor_name}`}
          description={<BookingStatusBadge booking={b} />}
          actions={
            canCancel ? (
              <GuardedButton variant="secondary" reason={reason} onClick={() => setCancelling(true)}>
                Cancel meeting
              </GuardedButton>
            ) : null
          }
        />
        <dl className="grid gap-x-6 gap-y-4 p-5 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-gray-500">When</dt>
          <dd>
            <BookingWhen booking={b} />
            <span className="block text-xs text-gray-500">The lead's time zone: {b.visitor_timezone}</span>
          </dd>
          <dt className="text-gray-500">Lead</dt>
          <dd>
            <BookingLead booking={b} />
          </dd>
          <dt className="text-gray-500">Company</dt>
          <dd>
            <CompanyLink id={b.company_id} />
          </dd>
          <dt className="text-gray-500">Campaign</dt>
          <dd>
            <CampaignLink id={b.campaign_id} />
          </dd>
          {b.answers.map((a) => (
            <div key={a.id} className="contents">
              <dt className="text-gray-500">{a.question}</dt>
              <dd className="whitespace-pre-wrap text-gray-900">{a.answer || '—'}</dd>
            </div>
          ))}
          {b.note ? (
            <>
              <dt className="text-gray-500">Note</dt>
              <dd className="whitespace-pre-wrap text-gray-900">{b.note}</dd>
            </>
          ) : null}
          <dt className="text-gray-500">Calendar</dt>
          <dd>
            {b.provider === 'google' ? 'Google Calendar' : 'This CRM'} · {b.event_state}
            {eventLink ? (
              <a href={eventLink} {...EXTERNAL_LINK} className="ml-2 text-accent-700 hover:underline">
                Open the event
              </a>
            ) : null}
            {meet ? (
              <a href={meet} {...EXTERNAL_LINK} className="ml-2 text-accent-700 hover:underline">
                Meet link
              </a>
            ) : null}
          </dd>
          <dt className="text-gray-500">Booked</dt>
          <dd>
            {formatDateTime(b.created_at)} ({b.source}
            {b.sequence > 0 ? `, moved ${b.sequence}×` : ''})
          </dd>
          {b.cancelled_at ? (
            <>
              <dt className="text-gray-500">Cancelled</dt>
              <dd>
                {formatDateTime(b.cancelled_at)}
                {b.cancelled_by ? ` by the ${b.cancelled_by}` : ''}
                {b.cancel_reason ? `: ${b.cancel_reason}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      <CancelBookingDialog booking={cancelling ? b : null} onClose={() => setCancelling(false)} />
    </>
  );
}
