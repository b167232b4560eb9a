import { useState, type FormEvent } from 'react';
import { Dialog, DialogActions, TextField, useToast } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import type { UserRead } from '../api';
import { useResetPassword } from '../hooks/useUsers';

export function ResetPasswordDialog({ user, onClose }: { user: UserRead | null; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const reset = useResetPassword();
  const { toast } = useToast();

  function close() {
    setPassword('');
    setConfirm('');
    setErrors({});
    reset.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!user) return;
    if (!password) return setErrors({ password: 'Enter a new password.' });
    if (password !== confirm) return setErrors({ confirm: "The passwords don't match." });
    setErrors({});
    try {
      await reset.mutateAsync({ id: user.id, body: { password } });
      toast({ tone: 'success', title: 'Password reset', description: `${user.name} can sign in with the new password.` });
      close();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const fe = err.fieldErrors;
        setErrors(fe.password ? { password: fe.password } : { form: err.message });
      } else {
        setErrors({ form: errorMessage(err) });
      }
    }
  }

  return (
    <Dialog
      open={user !== null}
      onClose={close}
      title="Reset password"
      description={user ? `Set a new password for ${user.name} (${user.email}).` : undefined}
      footer={<DialogActions form="reset-password-form" submitLabel="Reset password" pending={reset.isPending} onCancel={close} />}
    >
      <form id="reset-password-form" noValidate onSubmit={onSubmit} className="space-y-4">
        {errors.form ? (
          <div role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {errors.form}
          </div>
        ) : null}
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          error={errors.confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
