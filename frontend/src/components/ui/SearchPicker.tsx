import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Input } from './Input';
import { SearchIcon, XIcon } from './icons';
import { Spinner } from './Spinner';

export type PickerOption = { id: number; label: string; description?: string | null };

/**
 * Pick one record by searching for it (an ARIA combobox with a listbox): type to search, arrow keys
 * to move, Enter to choose, Escape to close. The caller runs the search and passes the options;
 * once chosen, the pick is shown with a button to clear it.
 */
export function SearchPicker({
  label,
  query,
  onQueryChange,
  options,
  loading = false,
  error = null,
  selected,
  onSelect,
  onClear,
  placeholder,
  hint,
  disabled = false,
  emptyText = 'Nothing matches.',
}: {
  label: string;
  query: string;
  onQueryChange: (q: string) => void;
  options: PickerOption[];
  loading?: boolean;
  error?: string | null;
  selected: PickerOption | null;
  onSelect: (option: PickerOption) => void;
  onClear: () => void;
  placeholder?: string;
  hint?: ReactNode;
  disabled?: boolean;
  emptyText?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  // After a pick the input is replaced by the chosen record: keep keyboard focus nearby.
  const focusClear = useRef(false);
  useEffect(() => {
    if (selected && focusClear.current) clearRef.current?.focus();
    focusClear.current = false;
  }, [selected]);
  const showList = open && query.trim().length > 0;
  const current = options[Math.min(active, options.length - 1)];

  function choose(option: PickerOption) {
    focusClear.current = true;
    onSelect(option);
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length ? (a + 1) % options.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length ? (a - 1 + options.length) % options.length : 0));
    } else if (e.key === 'Enter') {
      if (showList && current) {
        e.preventDefault();
        choose(current);
      }
    } else if (e.key === 'Escape') {
      if (showList) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    }
  }

  return (
    <div className="space-y-1.5">
      {selected ? (
        <p className="block text-sm font-medium text-gray-800">{label}</p>
      ) : (
        <label htmlFor={id} className="block text-sm font-medium text-gray-800">
          {label}
        </label>
      )}
      {selected ? (
        <div className="flex min-h-10 items-center gap-2 rounded-lg bg-gray-50 px-3 py-1.5 text-sm ring-1 ring-gray-200 ring-inset">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-gray-900" data-testid="picker-selected">
              {selected.label}
            </p>
            {selected.description ? <p className="truncate text-xs text-gray-500">{selected.description}</p> : null}
          </div>
          <button
            ref={clearRef}
            type="button"
            onClick={() => {
              onClear();
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
            disabled={disabled}
            aria-label={`Clear ${label.replace(/\s*\(optional\)$/i, '').toLowerCase()}`}
            className="rounded p-1 text-gray-500 hover:bg-gray-200 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-accent-600 disabled:opacity-50"
          >
            <XIcon className="size-4" />
          </button>
        </div>
      ) : (
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
          <Input
            ref={inputRef}
            id={id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && current ? `${id}-opt-${current.id}` : undefined}
            aria-describedby={hint ? hintId : undefined}
            placeholder={placeholder}
            className="pl-9"
            value={query}
            disabled={disabled}
            onChange={(e) => {
              onQueryChange(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {showList ? (
            <div className="absolute z-20 mt-1 w-full overflow-hidden rounded-lg bg-white shadow-lg ring-1 ring-gray-200">
              {loading && !options.length ? (
                <p className="flex items-center gap-2 px-3 py-2.5 text-sm text-gray-500">
                  <Spinner decorative /> Searching…
                </p>
              ) : error ? (
                <p className="px-3 py-2.5 text-sm text-red-700">{error}</p>
              ) : !options.length ? (
                <p className="px-3 py-2.5 text-sm text-gray-500">{emptyText}</p>
              ) : null}
              <ul id={listId} role="listbox" aria-label={label} className={cn('max-h-64 overflow-y-auto', !options.length && 'hidden')}>
                {options.map((o) => (
                  <li
                    key={o.id}
                    id={`${id}-opt-${o.id}`}
                    role="option"
                    aria-selected={current?.id === o.id}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(o)}
                    className={cn('cursor-pointer px-3 py-2 text-sm', current?.id === o.id ? 'bg-accent-50' : 'hover:bg-gray-50')}
                  >
                    <span className="block truncate font-medium text-gray-900">{o.label}</span>
                    {o.description ? <span className="block truncate text-xs text-gray-500">{o.description}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ul id={listId} role="listbox" aria-label={label} hidden />
          )}
        </div>
      )}
      {hint ? (
        <p id={hintId} className="text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
