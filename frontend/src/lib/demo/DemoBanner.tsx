import { useEffect, useState } from 'react';
import { InfoIcon } from '@/components/ui/icons';
import { useDemo } from './useDemo';

/** "every hour" for the reset's cron schedule, in words where it is a common one. */
export function describeSchedule(cron: string | null): string {
  const fields = (cron ?? '').trim().split(/\s+/);
  if (fields.length !== 5) return 'regularly';
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const everyDay = dom === '*' && month === '*' && dow === '*';
  if (!everyDay) return 'on a schedule';
  const step = (field: string) => /^\*\/(\d+)$/.exec(field)?.[1];
  if (/^\d+$/.test(minute) && hour === '*') return 'every hour';
  if (step(minute) && hour === '*') return `every ${step(minute)} minutes`;
  if (/^\d+$/.test(minute) && step(hour)) return `every ${step(hour)} hours`;
  if (/^\d+$/.test(minute) && /^\d+$/.test(hour)) return 'every day';
  return 'on a schedule';
}

/** "next reset in 23 min" from the reset's time and now. */
export function resetCountdown(nextResetAt: string, now: number): string {
  const at = Date.parse(nextResetAt);
  if (Number.isNaN(at)) return '';
  const minutes = Math.ceil((at - now) / 60000);
  if (minutes <= 0) return 'resetting now';
  if (minutes === 1) return 'next reset in less than a minute';
  if (minutes < 60) return `next reset in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `next reset in ${hours} h${rest ? ` ${rest} min` : ''}`;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The band above every screen in the public demo ("Public demo — data resets every hour, next reset in
 * 23 min", counting down), and for the demo account elsewhere. Nothing otherwise.
 */
export function DemoBanner() {
  const { mode, isDemoUser, nextResetAt, resetCron } = useDemo();
  const now = useNow(15000);
  if (!mode && !isDemoUser) return null;
  const countdown = mode && nextResetAt ? resetCountdown(nextResetAt, now) : '';
  return (
    <div
      role="note"
      aria-label="Demo mode"
      data-testid="demo-banner"
      className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-center text-sm text-amber-900"
    >
      <InfoIcon className="size-4 shrink-0" />
      {mode ? (
        <span>
          <strong className="font-semibold">Public demo</strong> — data resets {describeSchedule(resetCron)}
          {countdown ? `, ${countdown}` : ''}. AI, sending and crawling are switched off; everything else is yours to try.
        </span>
      ) : (
        <span>
          <strong className="font-semibold">Demo</strong> — you're exploring a demo account. Data may be reset and nothing is sent to
          real prospects.
        </span>
      )}
    </div>
  );
}
