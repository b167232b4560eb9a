import { useId } from 'react';
import { Button, type ButtonProps } from './Button';

/**
 * A button that may be refused to this user: disabled, with the reason next to it (and read out with
 * it), instead of vanishing or failing with a 403 after the click.
 */
export function GatedButton({ reason, showReason = true, ...props }: ButtonProps & { reason: string | null; showReason?: boolean }) {
  const id = useId();
  if (!reason) return <Button {...props} />;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button {...props} disabled aria-describedby={id} title={reason} />
      <span id={id} className={showReason ? 'max-w-64 text-xs text-gray-500' : 'sr-only'}>
        {reason}
      </span>
    </span>
  );
}
