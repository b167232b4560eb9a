import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * A small click-to-open panel anchored to its trigger (a "toggletip"): keyboard accessible,
 * closes on Escape (focus returns to the trigger) and on a click outside.
 */
export function Popover({
  trigger,
  label,
  children,
  align = 'start',
  className,
  triggerClassName,
}: {
  /** Visible content of the trigger button. */
  trigger: ReactNode;
  /** Accessible name of the trigger button. */
  label: string;
  children: ReactNode;
  align?: 'start' | 'end';
  className?: string;
  triggerClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onDown(e: MouseEvent) {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <span ref={rootRef} className="relative inline-flex">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        className={cn(
          'inline-flex items-center rounded-md focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-600',
          triggerClassName,
        )}
      >
        {trigger}
      </button>
      {open ? (
        <span
          id={id}
          role="region"
          aria-label={label}
          className={cn(
            'absolute top-full z-40 mt-1.5 block w-80 max-w-[80vw] rounded-lg bg-white p-3 text-left text-xs font-normal text-gray-700 normal-case shadow-lg ring-1 ring-gray-900/10',
            align === 'end' ? 'right-0' : 'left-0',
            className,
          )}
        >
          {children}
        </span>
      ) : null}
    </span>
  );
}
