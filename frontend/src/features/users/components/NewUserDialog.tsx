import { useState, type FormEvent } from 'react';
import { Button, Dialog, SelectField, TextField, useToast } from '@/components/ui';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/api/problem';
import { ROLE_LABELS, ROLES, type Role, type UserCreate } from '../api';
import { useCreateUser } from '../hooks/useUsers';

const EMPTY: UserCreate = { name: '', email: '', role: 'sales', password: '' };
const FORM_FIELDS = ['name', 'email', 'role', 'password'] as const;

export function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form, setForm] = useState<UserCreate>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateUser();
  const { toast } = useToast();

  function close() {
    setForm(EMPTY);
    setErrors({});
    setFormError(null);
    create.reset();
    onClose();
  }

  function set<K extends keyof UserCreate>(key: K, value: UserCreate[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _drop, ...rest }) => rest);
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
      if (err instanceof ApiError && err.status === 409) {
        setErrors({ email: err.message });
      } else if (err instanceof ApiError && err.status === 422) {
        const fe = err.fieldErrors;
        const known: FieldErrors = {};
        const other: string[] = [];
        for (const [k, v] of Object.entries(fe)) {
          if ((FORM_FIELDS as readonly string[]).includes(k)) known[k] = v;
          else other.push(v);
        }
        setErrors(known);
        if (other.length || !Object.keys(known).length) setFormError(other.join(' ') || err.message);
      } else {
        setFormError(errorMessage(err));
      }
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New user"
      description="They sign in with this e-mail and password. Share the password securely; they can't change it themselves yet."
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="new-user-form" loading={create.isPending}>
            Create user
          </Button>
        </>
      }
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
