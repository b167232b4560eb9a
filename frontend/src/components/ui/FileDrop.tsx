import { useId, useRef, useState, type DragEvent } from 'react';
import { cn } from '@/lib/cn';
import { FileIcon, UploadIcon, XIcon } from './icons';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * File picker with drag & drop. The real <input type="file"> stays in the tab order (visually
 * merged into the drop zone), so it works by keyboard and with assistive tech.
 */
export function FileDrop({
  label,
  accept = '.csv,text/csv',
  file,
  onFile,
  hint,
  error,
  disabled,
}: {
  label: string;
  accept?: string;
  file: File | null;
  onFile: (file: File | null) => void;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [typeError, setTypeError] = useState<string | null>(null);

  function accepts(f: File): boolean {
    const rules = accept.split(',').map((r) => r.trim().toLowerCase());
    const name = f.name.toLowerCase();
    return rules.some((r) => (r.startsWith('.') ? name.endsWith(r) : f.type.toLowerCase() === r));
  }

  function pick(f: File | null | undefined) {
    if (!f) return;
    if (!accepts(f)) {
      setTypeError(`“${f.name}” is not a ${accept.split(',')[0]} file.`);
      return;
    }
    setTypeError(null);
    onFile(f);
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (!disabled) pick(e.dataTransfer.files?.[0]);
  }

  function clear() {
    onFile(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const message = error ?? typeError;
  return (
    <div className="space-y-1.5">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="file-drop"
        className={cn(
          'relative flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors',
          over ? 'border-accent-500 bg-accent-50' : message ? 'border-red-300 bg-red-50/40' : 'border-gray-300 bg-gray-50/60',
          'focus-within:border-accent-500',
        )}
      >
        <UploadIcon className="mb-2 size-7 text-gray-400" />
        <label htmlFor={id} className="text-sm font-medium text-accent-700">
          {label}
        </label>
        <p className="mt-0.5 text-xs text-gray-500">or drag and drop it here</p>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={accept}
          disabled={disabled}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => pick(e.target.files?.[0])}
          className="absolute inset-0 cursor-pointer opacity-0 disabled:cursor-not-allowed"
        />
      </div>
      {file ? (
        <div className="flex items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-gray-200">
          <FileIcon className="size-4 text-gray-400" />
          <span className="min-w-0 flex-1 truncate font-medium text-gray-800">{file.name}</span>
          <span className="text-xs text-gray-500">{formatBytes(file.size)}</span>
          <button
            type="button"
            onClick={clear}
            aria-label={`Remove ${file.name}`}
            className="rounded p-0.5 text-gray-400 hover:text-gray-700 focus-visible:outline-2 focus-visible:outline-accent-600"
          >
            <XIcon className="size-4" />
          </button>
        </div>
      ) : null}
      <p id={`${id}-help`} className={cn('text-sm', message ? 'text-red-700' : 'text-gray-500')}>
        {message ?? hint}
      </p>
    </div>
  );
}
