import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { errorMessage } from '@/lib/api/problem';
import { cn } from '@/lib/cn';
import { Button } from './Button';
import { XIcon } from './icons';
import { useToast } from './Toast';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('inert'));
}

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Element to focus on open (defaults to the first focusable element in the body). */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'sm' | 'md';
  /** Role "alertdialog" for confirmations. */
  role?: 'dialog' | 'alertdialog';
};

/**
 * Modal dialog: rendered in a portal, traps Tab focus, closes on Escape and backdrop click,
 * makes the rest of the page inert and returns focus to the opener when closed.
 */
export function Dialog({ open, onClose, title, description, children, footer, initialFocus, size = 'md', role = 'dialog' }: DialogProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    const panel = panelRef.current;
    // Make everything outside the dialog inert for assistive tech and pointer/keyboard.
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    root?.setAttribute('aria-hidden', 'true');

    const target = initialFocus?.current ?? (panel ? (focusables(panel).find((el) => el.dataset.dialogClose === undefined) ?? panel) : null);
    target?.focus();

    function onKeyDown(e: KeyboardEvent) {
      if (!panel) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(panel);
      if (items.length === 0) {
        e.preventDefault();
        panel.focus();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !panel.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !panel.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      root?.removeAttribute('inert');
      root?.removeAttribute('aria-hidden');
      if (opener && document.contains(opener)) opener.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  if (!open) return null;

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-end justify-center p-4 sm:items-center">
      <div className="fixed inset-0 bg-gray-900/40 backdrop-blur-[1px]" aria-hidden="true" onClick={onClose} />
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        tabIndex={-1}
        className={cn(
          // A tall form scrolls inside the panel; the title and the buttons stay on screen.
          'relative flex max-h-[calc(100dvh-2rem)] w-full flex-col rounded-2xl bg-white shadow-xl ring-1 ring-gray-900/5 focus:outline-none',
          size === 'sm' ? 'max-w-md' : 'max-w-lg',
        )}
      >
        <div className="flex items-start justify-between gap-4 px-6 pt-5">
          <div>
            <h2 id={titleId} className="text-lg font-semibold text-gray-900">
              {title}
            </h2>
            {description ? (
              <p id={descId} className="mt-1 text-sm text-gray-600">
                {description}
              </p>
            ) : null}
          </div>
          <Button variant="ghost" size="sm" aria-label="Close dialog" data-dialog-close="" onClick={onClose} className="-mr-2 px-1.5">
            <XIcon className="size-5" />
          </Button>
        </div>
        {children ? <div className="min-h-0 overflow-y-auto px-6 pt-4 pb-2">{children}</div> : null}
        {footer ? <div className="flex justify-end gap-3 px-6 pt-4 pb-5">{footer}</div> : <div className="pb-4" />}
      </div>
    </div>,
    document.body,
  );
}

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  tone = 'primary',
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      size="sm"
      role="alertdialog"
      initialFocus={cancelRef}
      footer={
        <>
          <Button variant="secondary" ref={cancelRef} onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={tone} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    />
  );
}

/** A form dialog's footer: Cancel, and the submit button of the form with id `form`. */
export function DialogActions({ form, submitLabel, pending, onCancel }: { form: string; submitLabel: string; pending: boolean; onCancel: () => void }) {
  return (
    <>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" form={form} loading={pending}>
        {submitLabel}
      </Button>
    </>
  );
}

/**
 * "Delete {name}?" — a danger confirmation for deleting one record of a kind ("company", "contact").
 * Confirming runs `onDelete`: on success a toast says so and `onDeleted` runs (e.g. leave the page);
 * on failure a toast gives the reason and the dialog closes.
 */
export function ConfirmDeleteDialog({
  open,
  name,
  kind,
  description,
  pending,
  onDelete,
  onDeleted,
  onCancel,
}: {
  open: boolean;
  name: string;
  kind: string;
  description: ReactNode;
  pending: boolean;
  onDelete: () => Promise<unknown>;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { toast } = useToast();
  async function confirm() {
    try {
      await onDelete();
      toast({ tone: 'success', title: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} deleted`, description: name });
      onDeleted();
    } catch (err) {
      toast({ tone: 'error', title: "Couldn't delete", description: errorMessage(err) });
      onCancel();
    }
  }
  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${name}?`}
      description={description}
      confirmLabel={`Delete ${kind}`}
      tone="danger"
      pending={pending}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    />
  );
}
