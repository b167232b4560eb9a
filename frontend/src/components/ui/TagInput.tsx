import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from '@/lib/cn';
import { XIcon } from './icons';

export function Chip({ children, onRemove, removeLabel }: { children: string; onRemove?: () => void; removeLabel?: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700 ring-1 ring-gray-500/15 ring-inset">
      <span className="truncate">{children}</span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel ?? `Remove ${children}`}
          className="-mr-0.5 rounded-full p-0.5 text-gray-500 hover:bg-gray-200 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-accent-600"
        >
          <XIcon className="size-3" />
        </button>
      ) : null}
    </span>
  );
}

/** Read-only list of tags as chips. */
export function Chips({ items, max = 4, className }: { items: string[]; max?: number; className?: string }) {
  if (!items.length) return <span className="text-gray-400">—</span>;
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  return (
    <span className={cn('flex flex-wrap gap-1', className)}>
      {shown.map((t) => (
        <Chip key={t}>{t}</Chip>
      ))}
      {rest > 0 ? (
        <span className="text-xs text-gray-500" title={items.slice(max).join(', ')}>
          +{rest}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Edit a list of tags: type and press Enter or comma to add, Backspace on an empty input removes
 * the last one, each chip has a remove button.
 */
export function TagInput({
  value,
  onChange,
  label,
  placeholder = 'Add tag…',
  disabled,
  maxLength = 60,
  className,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  maxLength?: number;
  className?: string;
}) {
  const [draft, setDraft] = useState('');
  const id = useId();

  function add(raw: string) {
    const parts = raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.some((t) => t.toLowerCase() === p.toLowerCase())) next.push(p);
    setDraft('');
    if (next.length !== value.length) onChange(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
      e.preventDefault();
      add(draft);
    } else if (e.key === 'Enter') {
      e.preventDefault();
    } else if (e.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        'flex min-h-9 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1 shadow-sm ring-1 ring-gray-300 ring-inset focus-within:ring-2 focus-within:ring-accent-600',
        disabled && 'bg-gray-50',
        className,
      )}
    >
      <ul className="contents" aria-label={`${label}: current`}>
        {value.map((t) => (
          <li key={t} className="contents">
            <Chip onRemove={disabled ? undefined : () => onChange(value.filter((x) => x !== t))} removeLabel={`Remove tag ${t}`}>
              {t}
            </Chip>
          </li>
        ))}
      </ul>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        value={draft}
        disabled={disabled}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
        className="h-7 min-w-24 flex-1 border-0 bg-transparent p-0 text-sm text-gray-900 placeholder:text-gray-400 focus:ring-0 focus:outline-none"
      />
    </div>
  );
}
