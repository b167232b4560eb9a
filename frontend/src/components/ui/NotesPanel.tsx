import { useId, useState, type FormEvent } from 'react';
import { formatDateTime, formatRelative } from '@/lib/format';
import { Button } from './Button';
import { ErrorState } from './ErrorState';
import { Textarea } from './Input';
import { Skeleton } from './Skeleton';

export type NoteItem = { id: number; body: string; author: string | null; created_at: string };

/** Notes: a form to add one (Ctrl/⌘+Enter submits) and the list, newest first, as plain text. */
export function NotesPanel({
  notes,
  loading,
  error,
  onRetry,
  onAdd,
  canAdd = true,
  authorLabel = (a) => a,
}: {
  notes: NoteItem[] | undefined;
  loading: boolean;
  error?: string | null;
  onRetry?: () => void;
  /** Resolves to an error message to show, or nothing on success. */
  onAdd: (body: string) => Promise<string | void>;
  canAdd?: boolean;
  authorLabel?: (author: string) => string;
}) {
  const [body, setBody] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!body.trim()) {
      setFormError('Write something first.');
      return;
    }
    setSaving(true);
    try {
      const problem = await onAdd(body.trim());
      if (problem) setFormError(problem);
      else {
        setBody('');
        setFormError(null);
      }
    } finally {
      setSaving(false);
    }
  }

  const sorted = [...(notes ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <div className="space-y-4">
      {canAdd ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2">
          <label htmlFor={id} className="sr-only">
            New note
          </label>
          <Textarea
            id={id}
            rows={3}
            value={body}
            maxLength={20000}
            placeholder="Add a note…"
            invalid={!!formError}
            aria-describedby={formError ? `${id}-error` : undefined}
            onChange={(e) => {
              setBody(e.target.value);
              if (formError) setFormError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          {formError ? (
            <p id={`${id}-error`} className="text-sm text-red-700">
              {formError}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" size="sm" loading={saving}>
              Add note
            </Button>
          </div>
        </form>
      ) : null}
      {loading ? (
        <div aria-busy="true" aria-label="Loading notes" className="space-y-3">
          <Skeleton className="w-3/4" />
          <Skeleton className="w-1/2" />
        </div>
      ) : error ? (
        <ErrorState title="Couldn't load notes" message={error} onRetry={onRetry} />
      ) : sorted.length === 0 ? (
        <p className="text-sm text-gray-500">No notes yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Notes">
          {sorted.map((n) => (
            <li key={n.id} className="rounded-lg bg-amber-50/60 px-3.5 py-3 ring-1 ring-amber-200/60 ring-inset">
              <p className="text-sm break-words whitespace-pre-wrap text-gray-800">{n.body}</p>
              <p className="mt-1.5 text-xs text-gray-500">
                {n.author ? <>{authorLabel(n.author)} · </> : null}
                <time dateTime={n.created_at} title={formatDateTime(n.created_at)}>
                  {formatRelative(n.created_at)}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
