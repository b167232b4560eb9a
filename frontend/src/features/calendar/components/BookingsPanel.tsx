import { useState } from 'react';
import { Link } from 'react-router';
import {
  CalendarIcon,
  Card,
  EmptyState,
  GuardedButton,
  PaginationFooter,
  QueryErrorCard,
  Select,
  Table,
  TableSkeleton,
  TBody,
  Td,
  Th,
  THead,
  Tr,
  UpdatingSpinner,
} from '@/components/ui';
import type { Booking } from '../api';
import { BOOKINGS_PAGE, useBookings, useCalendarGuards } from '../hooks/useCalendar';
import { BookingLead, BookingStatusBadge, BookingWhen, CampaignLink, CompanyLink } from './BookingParts';
import { CancelBookingDialog } from './CancelBookingDialog';
import { WeekView } from './WeekView';

type When = 'upcoming' | 'past' | 'week';
const WHEN_LABELS: Record<When, string> = { upcoming: 'Upcoming', past: 'Past', week: 'Week' };

/** Bookings, upcoming soonest first or past latest first; yours, or everyone's. */
export function BookingsPanel() {
  const guards = useCalendarGuards();
  const [when, setWhen] = useState<When>('upcoming');
  const [whose, setWhose] = useState<'mine' | 'all'>('mine');
  const [page, setPage] = useState(0);
  const [now] = useState(() => new Date().toISOString());
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const hostId = whose === 'mine' ? guards.userId : null;
  const query = useBookings(when === 'week' ? 'upcoming' : when, hostId, page, now, when !== 'week');

  function cancelReason(b: Booking): string | null {
    if (guards.write) return guards.write;
    if (b.host_id !== guards.userId && !guards.isAdmin) return 'Only the host or an admin can cancel this booking.';
    return null;
  }

  return (
    <div className="space-y-3">
      <div role="search" aria-label="Booking filters" className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Which bookings" className="inline-flex rounded-lg ring-1 ring-gray-300">
          {(['upcoming', 'past', 'week'] as const).map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={when === w}
              onClick={() => {
                setWhen(w);
                setPage(0);
              }}
              className={`h-9 px-3 text-sm font-medium first:rounded-l-lg last:rounded-r-lg focus-visible:outline-2 focus-visible:outline-accent-600 ${when === w ? 'bg-accent-600 text-white' : 'bg-white text-gray-700 hover:bg-gray-50'}`}
            >
              {WHEN_LABELS[w]}
            </button>
          ))}
        </div>
        <Select
          aria-label="Whose bookings"
          className="w-44"
          value={whose}
          onChange={(e) => {
            setWhose(e.target.value as 'mine' | 'all');
            setPage(0);
          }}
        >
          <option value="mine">My bookings</option>
          <option value="all">Everyone's bookings</option>
        </Select>
        {when !== 'week' ? <UpdatingSpinner query={query} /> : null}
      </div>
      {when === 'week' ? (
        <WeekView hostId={hostId} />
      ) : query.isError ? (
        <QueryErrorCard title="Couldn't load bookings" query={query} />
      ) : query.data && query.data.items.length === 0 ? (
        <Card>
          <EmptyState
            icon={<CalendarIcon />}
            title={when === 'upcoming' ? 'No upcoming meetings' : 'No past meetings'}
            description={
              when === 'upcoming'
                ? 'When a lead books on one of your pages, the meeting shows up here with its contact, company and campaign.'
                : 'Meetings move here once their time has passed.'
            }
            action={
              when === 'upcoming' ? (
                <Link to="/calendar?tab=pages" className="text-sm font-medium text-accent-700 hover:underline">
                  Go to your booking pages
                </Link>
              ) : undefined
            }
          />
        </Card>
      ) : (
        <Table aria-label={when === 'upcoming' ? 'Upcoming bookings' : 'Past bookings'}>
          <THead>
            <Tr>
              <Th>When</Th>
              <Th>Meeting</Th>
              <Th>Lead</Th>
              <Th>Company</Th>
              <Th>Campaign</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          {query.isLoading || !query.data ? (
            <TableSkeleton columns={7} rows={3} label="Loading bookings" />
          ) : (
            <TBody>
              {query.data.items.map((b) => (
                <Tr key={b.id}>
                  <Td>
                    <BookingWhen booking={b} />
                  </Td>
                  <Td>
                    <Link to={`/calendar/bookings/${b.id}`} className="font-medium text-accent-700 hover:underline">
                      {b.page_title}
                    </Link>
                  </Td>
                  <Td>
                    <BookingLead booking={b} />
                  </Td>
                  <Td>
                    <CompanyLink id={b.company_id} />
                  </Td>
                  <Td>
                    <CampaignLink id={b.campaign_id} />
                  </Td>
                  <Td>
                    <BookingStatusBadge booking={b} />
                  </Td>
                  <Td className="text-right">
                    {b.status === 'confirmed' && when === 'upcoming' ? (
                      <GuardedButton variant="secondary" size="sm" reason={cancelReason(b)} onClick={() => setCancelling(b)} aria-label={`Cancel the meeting with ${b.visitor_name}`}>
                        Cancel
                      </GuardedButton>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          )}
        </Table>
      )}
      <PaginationFooter page={when === 'week' ? undefined : query.data} pageSize={BOOKINGS_PAGE} label="Bookings list pages" onOffsetChange={(offset) => setPage(Math.floor(offset / BOOKINGS_PAGE))} />
      <CancelBookingDialog booking={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}
