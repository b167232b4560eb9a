import type { FormEvent } from 'react';
import { Dialog, DialogActions, SelectField, TextField, useToast } from '@/components/ui';
import type { FieldErrors } from '@/lib/api/problem';
import { useFormState } from '@/lib/useFormState';
import { ROLE_LABELS, ROLES, type Role, type UserCreate } from '../api';
import { useCreateUser } from '../hooks/useUsers';

const EMPTY: UserCreate = { name: '', email: '', role: 'sales', password: '' };
const FORM_FIELDS = ['name', 'email', 'role', 'password'] as const;

export function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, set, errors, setErrors, formError, setFormError, reset, showSubmitError } = useFormState(EMPTY);
  const create = useCreateUser();
  const { toast } = useToast();

  function close() {
    reset();
    create.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!form.name.trim()) missing.name = 'Enter a name.';
    if (!form.email.trim()) missing.email = 'Enter an e-mail address.';
    if (!form.password) missing.password = 'Enter an initial password.';
    setFormError(null);
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    try {
      const user = await create.mutateAsync({ ...form, name: form.name.trim(), email: form.email.trim() });
      toast({ tone: 'success', title: 'User created', description: `${user.name} can now sign in as ${user.email}.` });
      close();
    } catch (err) {
      showSubmitError(err, FORM_FIELDS, 'email');
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New user"
      description="They sign in with this e-mail and password. Share the password securely; they can't change it themselves yet."
      footer={<DialogActions form="new-user-form" submitLabel="Create user" pending={create.isPending} onCancel={close} />}
    >
      <form id="new-user-form" noValidate onSubmit={onSubmit} className="space-y-4">
        {formError ? (
          <div role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {formError}
          </div>
        ) : null}
        <TextField label="Name" name="name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          value={form.email}
          error={errors.email}
          onChange={(e) => set('email', e.target.value)}
        />
        <SelectField label="Role" name="role" value={form.role} error={errors.role} onChange={(e) => set('role', e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          error={errors.password}
          hint="Use a long, unique password."
          onChange={(e) => set('password', e.target.value)}
        />
      </form>
    </Dialog>
  );
}
