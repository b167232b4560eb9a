import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export type ImportProblem = { where: string; error: string };

/** Outcome of an import: created / updated / skipped counts, per-row problems, and links (children). */
export function ImportSummary({
  created,
  updated,
  skipped,
  problems,
  children,
  className,
  title = 'Import report',
}: {
  created: number;
  updated: number;
  skipped: number;
  problems: ImportProblem[];
  children?: ReactNode;
  className?: string;
  title?: string;
}) {
  const stats: Array<[string, number, string]> = [
    ['Created', created, 'text-emerald-700'],
    ['Updated', updated, 'text-sky-700'],
    ['Skipped', skipped, skipped ? 'text-amber-700' : 'text-gray-700'],
  ];
  return (
    <section aria-label={title} className={cn('space-y-3', className)}>
      <dl className="grid grid-cols-3 gap-2">
        {stats.map(([label, n, tone]) => (
          <div key={label} className="rounded-lg bg-gray-50 px-3 py-2 text-center ring-1 ring-gray-200 ring-inset">
            <dt className="text-xs font-medium text-gray-500">{label}</dt>
            <dd className={cn('text-xl font-semibold tabular-nums', tone)}>{n}</dd>
          </div>
        ))}
      </dl>
      {children}
      {problems.length ? (
        <div>
          <h3 className="mb-1.5 text-sm font-medium text-gray-900">
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
          </h3>
          <ul className="max-h-56 divide-y divide-gray-100 overflow-y-auto rounded-lg text-sm ring-1 ring-gray-200" aria-label="Import problems">
            {problems.map((p, i) => (
              <li key={i} className="flex gap-3 px-3 py-2">
                <span className="shrink-0 font-medium text-gray-700 tabular-nums">{p.where}</span>
                <span className="min-w-0 break-words text-red-700">{p.error}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Normalise the loosely typed `errors` of an import report into display rows. */
export function importProblems(errors: Array<Record<string, unknown>> | undefined): ImportProblem[] {
  return (errors ?? []).map((e) => {
    const named = typeof e.name === 'string' && e.name ? ` (${e.name})` : '';
    const where =
      typeof e.row === 'number' || typeof e.row === 'string'
        ? `Row ${e.row}${named}`
        : typeof e.url === 'string'
          ? e.url
          : typeof e.result_id === 'number'
            ? `Result ${e.result_id}`
            : '—';
    const error = typeof e.error === 'string' ? e.error : typeof e.msg === 'string' ? e.msg : JSON.stringify(e);
    return { where, error };
  });
}
