function fmt(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Render an event's detail object as compact `key=value` pairs. */
export function formatDetail(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}=${fmt(v)}`)
    .join(' ');
}

export function AuditDetail({ detail }: { detail: Record<string, unknown> | null | undefined }) {
  const text = formatDetail(detail);
  if (!text) return <span className="text-gray-400">—</span>;
  return (
    <code title={text} className="block max-w-md truncate font-mono text-xs text-gray-700">
      {text}
    </code>
  );
}
