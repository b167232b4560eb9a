import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { browserZone, formatMoment } from '@/lib/zones';
import type { Booking } from '../api';
import { useCompanyName } from '../hooks/useCalendar';

export function BookingStatusBadge({ booking }: { booking: Booking }) {
  if (booking.status === 'cancelled') return <Badge tone="neutral">Cancelled</Badge>;
  if (new Date(booking.end).getTime() < Date.now()) return <Badge tone="info">Done</Badge>;
  return <Badge tone="success">Confirmed</Badge>;
}

/** When, in the reader's zone, and for how long. */
export function BookingWhen({ booking }: { booking: Booking }) {
  const minutes = Math.round((new Date(booking.end).getTime() - new Date(booking.start).getTime()) / 60_000);
  return (
    <>
      <time dateTime={booking.start} className="font-medium whitespace-nowrap text-gray-900">
        {formatMoment(booking.start, browserZone())}
      </time>
      <span className="block text-xs text-gray-500">{minutes} min</span>
    </>
  );
}

/** The lead: their contact record when the booking was matched to one, else the name they gave. */
export function BookingLead({ booking }: { booking: Booking }) {
  return (
    <>
      {booking.contact_id ? (
        <Link to={`/contacts/${booking.contact_id}`} className="font-medium text-accent-700 hover:underline">
          {booking.visitor_name}
        </Link>
      ) : (
        <span className="font-medium text-gray-900">{booking.visitor_name}</span>
      )}
      <span className="block text-xs break-all text-gray-500">{booking.visitor_email}</span>
    </>
  );
}

export function CompanyLink({ id }: { id: number | null }) {
  const name = useCompanyName(id);
  if (id === null) return <span className="text-gray-400">—</span>;
  return (
    <Link to={`/companies/${id}`} className="text-accent-700 hover:underline">
      {name.data ?? `Company #${id}`}
    </Link>
  );
}

export function CampaignLink({ id }: { id: number | null }) {
  if (id === null) return <span className="text-gray-400">—</span>;
  return (
    <Link to={`/campaigns/${id}`} className="text-accent-700 hover:underline">
      Campaign #{id}
    </Link>
  );
}
