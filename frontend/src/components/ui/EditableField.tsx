import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Button } from './Button';
import { PencilIcon } from './icons';
import { Input, Textarea } from './Input';

/**
 * One labelled value in a description list, editable in place: "Edit" turns it into an input,
 * Enter (or Save) calls `onSave`, Escape cancels. `onSave` resolves to an error message to keep
 * the editor open with that message, or to nothing when the value was saved.
 */
export function EditableField({
  label,
  value,
  display,
  onSave,
  canEdit = true,
  multiline = false,
  inputType = 'text',
  placeholder,
  hint,
  adornment,
  maxLength,
}: {
  label: string;
  value: string | null | undefined;
  display?: ReactNode;
  onSave: (next: string) => Promise<string | void>;
  canEdit?: boolean;
  multiline?: boolean;
  inputType?: 'text' | 'email' | 'tel' | 'url';
  placeholder?: string;
  hint?: string;
  adornment?: ReactNode;
  maxLength?: number;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  function start() {
    setDraft(value ?? '');
    setError(null);
    setEditing(true);
  }

  function cancel() {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (draft === (value ?? '')) return cancel();
    setSaving(true);
    try {
      const problem = await onSave(draft);
      if (problem) setError(problem);
      else {
        returnFocus.current = true;
        setEditing(false);
      }
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void save();
    }
  }

  const empty = value === null || value === undefined || value === '';
  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="flex items-center gap-1.5 text-sm text-gray-500">
        <span id={`${id}-label`}>{label}</span>
        {adornment}
      </dt>
      <dd className="min-w-0 text-sm text-gray-900">
        {editing ? (
          <form onSubmit={(e) => void save(e)} className="space-y-2" noValidate>
            {multiline ? (
              <Textarea
                ref={inputRef}
                aria-labelledby={`${id}-label`}
                value={draft}
                maxLength={maxLength}
                placeholder={placeholder}
                invalid={!!error}
                aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onKeyDown}
              />
            ) : (
              <Input
                ref={inputRef}
                type={inputType}
                controlSize="sm"
                aria-labelledby={`${id}-label`}
                value={draft}
                maxLength={maxLength}
                placeholder={placeholder}
                invalid={!!error}
                aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onKeyDown}
              />
            )}
            {error ? (
              <p id={`${id}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : hint ? (
              <p id={`${id}-hint`} className="text-xs text-gray-500">
                {hint}
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" size="sm" loading={saving}>
                Save
              </Button>
              <Button variant="secondary" size="sm" onClick={cancel} disabled={saving}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <div className="group flex min-h-7 items-start justify-between gap-2">
            <div className={cn('min-w-0 pt-0.5 break-words', multiline && 'whitespace-pre-wrap')}>
              {empty && !display ? <span className="text-gray-400">—</span> : (display ?? value)}
            </div>
            {canEdit ? (
              <button
                ref={editRef}
                type="button"
                onClick={start}
                aria-label={`Edit ${label}`}
                className="shrink-0 rounded-md p-1 text-gray-400 opacity-60 group-hover:opacity-100 hover:bg-gray-100 hover:text-gray-700 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-accent-600"
              >
                <PencilIcon className="size-3.5" />
              </button>
            ) : null}
          </div>
        )}
      </dd>
    </div>
  );
}
