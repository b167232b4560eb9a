import { Card, CardHeader, ProgressBar } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { CampaignStats, Funnel, Progress, SeriesPoint } from '../api';

const PROGRESS_PARTS: Array<{ key: keyof Progress; label: string }> = [
  { key: 'pending', label: 'Pending' },
  { key: 'sent', label: 'Sent' },
  { key: 'failed', label: 'Failed' },
  { key: 'unknown', label: 'Unknown' },
  { key: 'bounced', label: 'Bounced' },
  { key: 'replied', label: 'Replied' },
  { key: 'unsubscribed', label: 'Unsubscribed' },
];

export function ProgressCard({ progress, live }: { progress: Progress; live: boolean }) {
  const done = progress.total - progress.pending;
  return (
    <Card role="region" aria-labelledby="progress-heading">
      <CardHeader id="progress-heading" title="Progress" description={live ? 'Live: refreshes every few seconds.' : undefined} />
      <div className="space-y-3 p-5">
        <ProgressBar value={done} max={progress.total || 1} label="Campaign progress" />
        <p className="text-sm text-gray-800" data-testid="progress-summary">
          {formatNumber(progress.sent)} of {formatNumber(progress.total)} sent
        </p>
        {progress.excluded > 0 ? (
          <p className="text-sm text-gray-600" data-testid="progress-excluded">
            {formatNumber(progress.excluded)} of {formatNumber(progress.contacts)} contact{progress.contacts === 1 ? '' : 's'} left out when it was prepared; each contact's page says why.
          </p>
        ) : null}
        <dl className="grid grid-cols-3 gap-3 sm:grid-cols-7">
          {PROGRESS_PARTS.map((p) => (
            <div key={p.key}>
              <dt className="text-xs text-gray-500">{p.label}</dt>
              <dd className="text-lg font-semibold text-gray-900" data-testid={`progress-${p.key}`}>
                {formatNumber(progress[p.key])}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}

const FUNNEL: Array<{ key: keyof Funnel; label: string; color: string }> = [
  { key: 'sent', label: 'Sent', color: '#4f46e5' },
  { key: 'opened', label: 'Opened', color: '#0ea5e9' },
  { key: 'clicked', label: 'Clicked', color: '#14b8a6' },
  { key: 'replied', label: 'Replied', color: '#16a34a' },
  { key: 'interested', label: 'Interested', color: '#65a30d' },
  { key: 'bounced', label: 'Bounced', color: '#dc2626' },
  { key: 'unsubscribed', label: 'Unsubscribed', color: '#9ca3af' },
];

/** Sent → opened → clicked → replied → interested, with bounces and unsubscribes beside them. */
export function FunnelCard({
  stats,
  interested,
  progress,
  tracking,
}: {
  stats: CampaignStats | undefined;
  interested: number | undefined;
  progress: Progress;
  tracking: { opens: boolean; clicks: boolean };
}) {
  // Without the stats route's answer the ledger's counts and the classified replies give most of the funnel.
  const funnel: Partial<Funnel> = stats?.funnel ?? {
    sent: progress.sent,
    replied: progress.replied,
    interested,
    bounced: progress.bounced,
    unsubscribed: progress.unsubscribed,
  };
  const top = Math.max(1, funnel.sent ?? 0);
  return (
    <Card role="region" aria-labelledby="funnel-heading">
      <CardHeader id="funnel-heading" title="Funnel" />
      <ul className="space-y-2 p-5" aria-label="Funnel">
        {FUNNEL.map((f) => {
          const value = funnel[f.key];
          const off = (f.key === 'opened' && !tracking.opens) || (f.key === 'clicked' && !tracking.clicks);
          return (
            <li key={f.key} className="grid grid-cols-[7rem_1fr_5rem] items-center gap-3 text-sm" data-testid={`funnel-${f.key}`}>
              <span className="text-gray-700">{f.label}</span>
              <span className="h-3 overflow-hidden rounded bg-gray-100">
                <span className="block h-full rounded" style={{ width: `${value === undefined ? 0 : Math.min(100, (value / top) * 100)}%`, background: f.color }} />
              </span>
              <span className="text-right font-medium text-gray-900">{off ? 'off' : value === undefined ? '–' : formatNumber(value)}</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

const SERIES: Array<{ key: keyof Funnel; label: string; color: string }> = [
  { key: 'sent', label: 'Sent', color: '#4f46e5' },
  { key: 'opened', label: 'Opened', color: '#0ea5e9' },
  { key: 'replied', label: 'Replied', color: '#16a34a' },
  { key: 'bounced', label: 'Bounced', color: '#dc2626' },
];

/** Per day, as a small inline SVG line chart (no chart library: a few polylines are enough). */
export function ActivityChart({ series }: { series: SeriesPoint[] }) {
  const W = 600;
  const H = 160;
  const P = 24;
  const max = Math.max(1, ...series.flatMap((p) => SERIES.map((s) => p[s.key] ?? 0)));
  const x = (i: number) => (series.length <= 1 ? W / 2 : P + (i * (W - 2 * P)) / (series.length - 1));
  const y = (v: number) => H - P - (v / max) * (H - 2 * P);
  return (
    <Card role="region" aria-labelledby="chart-heading">
      <CardHeader id="chart-heading" title="Over time" description="Per day." />
      <div className="p-5">
        {series.length === 0 ? (
          <p className="text-sm text-gray-500">Nothing sent yet.</p>
        ) : (
          <>
            <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full" role="img" aria-label={`Messages per day over ${series.length} day${series.length === 1 ? '' : 's'}, up to ${max} a day`}>
              <line x1={P} x2={W - P} y1={H - P} y2={H - P} stroke="#e5e7eb" />
              <text x={P} y={P - 8} fontSize="10" fill="#6b7280">
                {max}
              </text>
              {SERIES.map((s) => (
                <polyline key={s.key} fill="none" stroke={s.color} strokeWidth="2" points={series.map((p, i) => `${x(i)},${y(p[s.key] ?? 0)}`).join(' ')} />
              ))}
              {/* A dot on every day with something to show: a line needs two days, and a campaign's first has one. */}
              {SERIES.flatMap((s) =>
                series.map((p, i) =>
                  (p[s.key] ?? 0) > 0 ? <circle key={`${s.key}-${p.day}`} cx={x(i)} cy={y(p[s.key] ?? 0)} r="3.5" fill={s.color} data-testid={`point-${s.key}`} /> : null,
                ),
              )}
              {series.map((p, i) => (
                <text key={p.day} x={x(i)} y={H - 6} fontSize="10" fill="#6b7280" textAnchor="middle">
                  {p.day.slice(5)}
                </text>
              ))}
            </svg>
            <ul className="mt-2 flex flex-wrap gap-4 text-xs text-gray-600">
              {SERIES.map((s) => (
                <li key={s.key} className="flex items-center gap-1.5">
                  <span className="inline-block h-0.5 w-4" style={{ background: s.color }} />
                  {s.label}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Card>
  );
}
