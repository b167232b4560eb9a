import { useId, type MouseEvent } from 'react';
import { cn } from '@/lib/cn';
import { Button, type ButtonProps } from './Button';

/**
 * A button that may be refused (the demo, a role, a feature switched off) and says why. A refused
 * button stays focusable (`aria-disabled`, not `disabled`) so keyboard and screen-reader users reach
 * the reason too: it is the button's description and shows as a tooltip on hover and focus.
 */
export function GuardedButton({ reason, className, onClick, ...props }: ButtonProps & { reason: string | null | undefined }) {
  const id = useId();
  if (!reason) return <Button className={className} onClick={onClick} {...props} />;
  const refuse = (e: MouseEvent<HTMLButtonElement>) => e.preventDefault();
  return (
    <span className="group relative inline-flex">
      <Button
        {...props}
        type="button"
        disabled={false}
        loading={false}
        aria-disabled="true"
        aria-describedby={`${id}-reason`}
        onClick={refuse}
        className={cn('cursor-not-allowed opacity-60', className)}
      />
      <span
        id={`${id}-reason`}
        role="tooltip"
        className="pointer-events-none absolute top-full right-0 z-30 mt-1.5 hidden w-64 rounded-md bg-gray-900 px-2.5 py-1.5 text-left text-xs font-normal whitespace-normal text-white shadow-lg group-focus-within:block group-hover:block"
      >
        {reason}
      </span>
    </span>
  );
}
