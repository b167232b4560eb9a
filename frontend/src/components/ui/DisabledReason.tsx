import { cloneElement, useId, useState, type MouseEvent, type ReactElement } from 'react';
import { cn } from '@/lib/cn';

type ControlProps = {
  disabled?: boolean;
  className?: string;
  onClick?: (e: MouseEvent<HTMLElement>) => void;
  'aria-describedby'?: string;
  'aria-disabled'?: boolean | 'true' | 'false';
};

/**
 * A control the demo refuses, disabled with its reason shown on hover AND on keyboard focus.
 *
 * A natively disabled button cannot take focus, so a keyboard user would never learn why: the control
 * stays focusable, says `aria-disabled`, swallows clicks, and is described by the reason (a tooltip).
 * Without a reason the child renders untouched.
 */
export function DisabledReason({ reason, children }: { reason: string | null | undefined; children: ReactElement<ControlProps> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  if (!reason) return children;
  const own = children.props['aria-describedby'];
  const control = cloneElement(children, {
    disabled: false,
    'aria-disabled': true,
    'aria-describedby': own ? `${own} ${id}` : id,
    className: cn(children.props.className, 'cursor-not-allowed opacity-60'),
    onClick: (e: MouseEvent<HTMLElement>) => {
      e.preventDefault();
      e.stopPropagation();
    },
  });
  return (
    <span
      className="relative inline-flex"
      data-demo-disabled=""
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      {control}
      <span
        role="tooltip"
        id={id}
        hidden={!open}
        className="absolute top-full left-1/2 z-30 mt-2 w-max max-w-64 -translate-x-1/2 rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-normal whitespace-normal text-white shadow-lg"
      >
        {reason}
      </span>
    </span>
  );
}
