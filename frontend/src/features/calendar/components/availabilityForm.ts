import type { Availability, AvailabilityWrite, Weekday } from '../api';
import { WEEKDAYS } from '../api';

export type Range = [string, string];
export type OverrideRow = { key: number; date: string; off: boolean; hours: Range[] };
export type AvailabilityForm = {
  timezone: string;
  weekly: Record<Weekday, Range[]>;
  slot: string;
  before: string;
  after: string;
  notice: string;
  horizon: string;
  perDay: string;
  perWeek: string;
  overrides: OverrideRow[];
};

export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

let nextKey = 1;
export const newKey = () => nextKey++;

export function toForm(a: Availability): AvailabilityForm {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, (a.weekly?.[d] ?? []).map((r) => [r[0] ?? '', r[1] ?? ''] as Range)])) as Record<Weekday, Range[]>;
  return {
    timezone: a.timezone,
    weekly,
    slot: String(a.slot_minutes),
    before: String(a.buffer_before_minutes),
    after: String(a.buffer_after_minutes),
    notice: String(a.min_notice_minutes),
    horizon: String(a.horizon_days),
    perDay: a.max_per_day == null ? '' : String(a.max_per_day),
    perWeek: a.max_per_week == null ? '' : String(a.max_per_week),
    overrides: (a.overrides ?? []).map((o) => {
      const hours = o.hours ?? [];
      return { key: newKey(), date: o.date, off: hours.length === 0, hours: hours.length ? hours.map((r) => [r[0] ?? '', r[1] ?? ''] as Range) : [['09:00', '17:00'] as Range] };
    }),
  };
}

const int = (v: string) => (v.trim() === '' ? NaN : Number(v));
const optional = (v: string) => (v.trim() === '' ? null : Number(v));

/** The PUT body; numbers the browser cannot read go as they are, so the API's 422 names them. */
export function toBody(f: AvailabilityForm): AvailabilityWrite {
  return {
    timezone: f.timezone,
    weekly: Object.fromEntries(WEEKDAYS.filter((d) => f.weekly[d].length).map((d) => [d, f.weekly[d].map((r) => [r[0].trim(), r[1].trim()])])),
    slot_minutes: int(f.slot),
    buffer_before_minutes: int(f.before),
    buffer_after_minutes: int(f.after),
    min_notice_minutes: int(f.notice),
    horizon_days: int(f.horizon),
    max_per_day: optional(f.perDay),
    max_per_week: optional(f.perWeek),
    overrides: f.overrides.filter((o) => o.date).map((o) => ({ date: o.date, hours: o.off ? [] : o.hours.map((r) => [r[0].trim(), r[1].trim()]) })),
  };
}

/** Problem errors as lines a person can act on ("Monday, range 1: …"). */
export function describeLoc(loc: Array<string | number>, f: AvailabilityForm): string {
  const parts = loc.filter((p) => p !== 'body' && p !== 'availability');
  const [head, a, b] = parts;
  if (head === 'weekly' && typeof a === 'string' && a in DAY_NAMES) {
    return `${DAY_NAMES[a as Weekday]}${typeof b === 'number' ? `, hours ${b + 1}` : ''}`;
  }
  if (head === 'overrides' && typeof a === 'number') {
    const row = f.overrides.filter((o) => o.date)[a];
    return `Date ${row?.date || a + 1}`;
  }
  const names: Record<string, string> = {
    timezone: 'Time zone',
    slot_minutes: 'Slot length',
    buffer_before_minutes: 'Buffer before',
    buffer_after_minutes: 'Buffer after',
    min_notice_minutes: 'Minimum notice',
    horizon_days: 'Booking horizon',
    max_per_day: 'Per day',
    max_per_week: 'Per week',
  };
  return typeof head === 'string' ? (names[head] ?? head) : 'Availability';
}
