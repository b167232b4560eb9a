import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ChevronLeftIcon, ChevronRightIcon, Select, Spinner } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { cn } from '@/lib/cn';
import { addDays, dayToUtc, formatDay, formatMonth, formatTime, monthRange, shiftMonth, todayIn, zoneNames } from '@/lib/zones';
import type { Slot } from '../api';
import { useLoad } from '../hooks/useLoad';
import { useWords } from '../i18n';

// 2024-01-01 was a Monday: the locale's short weekday names, Monday first.
const weekdays = () => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))));

export type SlotSource = {
  /** The days from…to (in tz) that have a free slot. */
  days: (from: string, to: string, tz: string) => Promise<string[]>;
  /** The free slots starting on `day` (in tz). */
  slots: (day: string, tz: string) => Promise<Slot[]>;
};

/**
 * A month of days (those with free times are buttons), the visitor's time zone (detected, switchable),
 * and the chosen day's free times. `refresh` changes when the times must be asked for again (a slot
 * was just taken).
 */
export function SlotPicker({
  source,
  zone,
  onZone,
  horizonDays,
  refresh,
  onPick,
  heading,
}: {
  source: SlotSource;
  zone: string;
  onZone: (zone: string) => void;
  horizonDays: number | null;
  refresh: number;
  onPick: (slot: Slot) => void;
  heading: string;
}) {
  const w = useWords();
  const today = todayIn(zone);
  const [month, setMonth] = useState(() => monthRange(today).first);
  const [day, setDay] = useState<string | null>(null);
  const { first, last } = monthRange(month);
  const lastBookable = horizonDays ? addDays(today, horizonDays) : null;
  const days = useLoad(() => source.days(first < today ? today : first, last, zone), [first, zone, refresh]);
  const free = useMemo(() => new Set(days.data ?? []), [days.data]);
  const slots = useLoad(day ? () => source.slots(day, zone) : null, [day, zone, refresh]);

  // Land on the first free day of the month shown (and keep a chosen day while it stays free).
  // (Only days of the month shown count: the previous month's answer stays until the new one arrives.)
  useEffect(() => {
    if (!days.data) return;
    if (day && free.has(day) && day >= first && day <= last) return;
    setDay(days.data.find((d) => d >= first && d <= last) ?? null);
  }, [days.data, free, day, first, last]);

  const lead = (dayToUtc(first).getUTCDay() + 6) % 7; // Monday-first weeks
  const count = dayToUtc(last).getUTCDate();
  const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => addDays(first, i))];
  const canGoBack = month > monthRange(today).first;

  // Arrow keys move between free days (a day left/right, a week up/down), Home/End to the first/last.
  function onGridKey(e: KeyboardEvent<HTMLDivElement>) {
    const from = (e.target as HTMLElement).dataset.day;
    if (!from) return;
    const order = [...free].sort();
    let target: string | undefined;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (step) {
      // The nearest free day at least `step` days away, in its direction.
      for (let d = addDays(from, step); d >= first && d <= last; d = addDays(d, Math.sign(step))) {
        if (free.has(d)) {
          target = d;
          break;
        }
      }
    } else if (e.key === 'Home') target = order[0];
    else if (e.key === 'End') target = order[order.length - 1];
    else return;
    e.preventDefault();
    if (target) e.currentTarget.querySelector<HTMLButtonElement>(`[data-day="${target}"]`)?.focus();
  }
  const canGoOn = !lastBookable || shiftMonth(month, 1) <= lastBookable;

  return (
    <section aria-labelledby="pick-heading" className="space-y-4">
      <h2 id="pick-heading" className="text-base font-semibold text-gray-900">
        {heading}
      </h2>
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,14rem)]">
        <div>
          <div className="mb-2 flex items-center justify-between">
            <button type="button" className="rounded-md p-2 text-gray-700 hover:bg-gray-100 disabled:opacity-30" aria-label={w.previousMonth} disabled={!canGoBack} onClick={() => (setMonth(shiftMonth(month, -1)), setDay(null))}>
              <ChevronLeftIcon className="size-5" />
            </button>
            <p className="font-medium text-gray-900" aria-live="polite">
              {formatMonth(month)}
            </p>
            <button type="button" className="rounded-md p-2 text-gray-700 hover:bg-gray-100 disabled:opacity-30" aria-label={w.nextMonth} disabled={!canGoOn} onClick={() => (setMonth(shiftMonth(month, 1)), setDay(null))}>
              <ChevronRightIcon className="size-5" />
            </button>
          </div>
          <div role="group" aria-label={w.daysIn(formatMonth(month))} aria-busy={days.loading || undefined} onKeyDown={onGridKey} className="grid grid-cols-7 gap-1 text-center text-sm">
            {weekdays().map((name) => (
              <div key={name} aria-hidden="true" className="py-1 text-xs font-medium text-gray-500">
                {name}
              </div>
            ))}
            {cells.map((d, i) =>
              d === null ? (
                <div key={`pad-${i}`} aria-hidden="true" />
              ) : free.has(d) ? (
                <button
                  key={d}
                  type="button"
                  data-day={d}
                  aria-pressed={d === day}
                  aria-label={w.freeTimesDay(formatDay(d))}
                  onClick={() => setDay(d)}
                  className={cn(
                    'mx-auto flex size-10 items-center justify-center rounded-full font-semibold focus-visible:outline-2 focus-visible:outline-accent-600',
                    d === day ? 'bg-accent-600 text-white' : 'bg-accent-50 text-accent-700 hover:bg-accent-100',
                  )}
                >
                  {Number(d.slice(8))}
                </button>
              ) : (
                <span key={d} className="mx-auto flex size-10 items-center justify-center text-gray-400" aria-hidden="true">
                  {Number(d.slice(8))}
                </span>
              ),
            )}
          </div>
          {days.error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {errorMessage(days.error)}
            </p>
          ) : days.data && days.data.length === 0 ? (
            <p className="mt-3 text-sm text-gray-600">{canGoOn ? w.noneThisMonth : w.noneLeft}</p>
          ) : null}
          <div className="mt-4 max-w-xs">
            <label htmlFor="visitor-zone" className="block text-sm font-medium text-gray-800">
              {w.timeZone}
            </label>
            <Select id="visitor-zone" className="mt-1" value={zone} onChange={(e) => onZone(e.target.value)}>
              {zoneNames(zone).map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div aria-live="polite">
          {day ? (
            <section aria-label={w.freeTimesOn(formatDay(day))}>
              <h3 className="mb-2 text-sm font-medium text-gray-900">{formatDay(day)}</h3>
              {slots.loading ? (
                <Spinner label={w.loadingTimes} />
              ) : slots.error ? (
                <p role="alert" className="text-sm text-red-700">
                  {errorMessage(slots.error)}
                </p>
              ) : slots.data && slots.data.length ? (
                <ul className="grid max-h-80 grid-cols-2 gap-2 overflow-y-auto p-0.5 md:grid-cols-1">
                  {slots.data.map((s) => (
                    <li key={s.start}>
                      <button
                        type="button"
                        onClick={() => onPick(s)}
                        className="h-11 w-full rounded-lg bg-white text-sm font-semibold text-accent-700 ring-1 ring-accent-600/40 hover:bg-accent-50 focus-visible:outline-2 focus-visible:outline-accent-600"
                      >
                        {formatTime(s.start, zone)}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-gray-600">{w.noneThisDay}</p>
              )}
            </section>
          ) : days.loading ? (
            <Spinner label={w.loadingDays} />
          ) : null}
        </div>
      </div>
    </section>
  );
}
