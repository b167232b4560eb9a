import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ChevronLeftIcon, ChevronRightIcon, QueryErrorCard, Skeleton } from '@/components/ui';
import { cn } from '@/lib/cn';
import { addDays, browserZone, dayToUtc, formatDay, formatTime, todayIn } from '@/lib/zones';
import type { Booking } from '../api';
import { useWeekBookings } from '../hooks/useCalendar';

function mondayOf(day: string): string {
  return addDays(day, -((dayToUtc(day).getUTCDay() + 6) % 7));
}

/** A week, Monday to Sunday in your zone, with each day's meetings (cancelled ones struck through). */
export function WeekView({ hostId }: { hostId: number | null }) {
  const [zone] = useState(browserZone);
  const today = todayIn(zone);
  const [monday, setMonday] = useState(() => mondayOf(today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const query = useWeekBookings(monday, hostId);
  const byDay = new Map<string, Booking[]>();
  for (const b of query.data ?? []) {
    const day = todayIn(zone, new Date(b.start));
    byDay.set(day, [...(byDay.get(day) ?? []), b]);
  }

  return (
    <section aria-label={`Week of ${formatDay(monday, 'medium')}`} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" aria-label="Previous week" icon={<ChevronLeftIcon className="size-4" />} onClick={() => setMonday(addDays(monday, -7))} />
        <Button variant="secondary" size="sm" onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)}>
          This week
        </Button>
        <Button variant="secondary" size="sm" aria-label="Next week" icon={<ChevronRightIcon className="size-4" />} onClick={() => setMonday(addDays(monday, 7))} />
        <p className="text-sm font-medium text-gray-800" aria-live="polite">
          {formatDay(monday, 'medium')} – {formatDay(days[6]!, 'medium')}
          <span className="ml-2 font-normal text-gray-500">times in {zone}</span>
        </p>
      </div>
      {query.isError ? (
        <QueryErrorCard title="Couldn't load the week" query={query} />
      ) : (
        <ol className="grid gap-2 rounded-xl bg-white p-2 shadow-sm ring-1 ring-gray-200 md:grid-cols-7">
          {days.map((day) => {
            const items = byDay.get(day) ?? [];
            return (
              <li key={day} aria-label={formatDay(day)} className={cn('min-h-24 rounded-lg p-2', day === today ? 'bg-accent-50' : 'bg-gray-50')}>
                <p className={cn('text-xs font-semibold', day === today ? 'text-accent-700' : 'text-gray-600')}>{formatDay(day, 'medium')}</p>
                {query.isLoading ? (
                  <Skeleton className="mt-2 h-8" />
                ) : items.length === 0 ? (
                  <p className="mt-1 text-xs text-gray-400">Free</p>
                ) : (
                  <ul className="mt-1 space-y-1.5">
                    {items.map((b) => (
                      <li key={b.id}>
                        <Link
                          to={`/calendar/bookings/${b.id}`}
                          className={cn(
                            'block rounded-md bg-white px-2 py-1 text-xs ring-1 ring-gray-200 hover:ring-accent-600',
                            b.status === 'cancelled' && 'text-gray-400 line-through',
                          )}
                        >
                          <span className="font-semibold">{formatTime(b.start, zone)}</span> {b.visitor_name}
                          <span className="block truncate text-gray-500">{b.page_title}</span>
                          {b.status === 'cancelled' ? <span className="sr-only"> (cancelled)</span> : null}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
