import { Button, type ButtonProps } from './Button';
import { DisabledReason } from './DisabledReason';

/**
 * A button that may be refused (the demo, a role, a feature switched off) and says why: it stays
 * focusable and shows the reason on hover and keyboard focus (DisabledReason).
 */
export function GuardedButton({ reason, ...props }: ButtonProps & { reason: string | null | undefined }) {
  return (
    <DisabledReason reason={reason}>
      <Button {...props} />
    </DisabledReason>
  );
}
