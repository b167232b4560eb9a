import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Dialog, DialogActions, TextField, useToast } from '@/components/ui';
import { filledFields, useFormState } from '@/lib/useFormState';
import { useCreateContact } from '../hooks/useContacts';

type Form = { name: string; role: string; email: string; phone: string; country: string };
const EMPTY: Form = { name: '', role: '', email: '', phone: '', country: '' };

export function NewContactDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, set, errors, setErrors, setFormError, formError, reset, showSubmitError } = useFormState(EMPTY);
  const create = useCreateContact();
  const { toast } = useToast();
  const navigate = useNavigate();

  function close() {
    reset();
    create.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!form.name.trim()) return setErrors({ name: 'Enter a name.' });
    try {
      const contact = await create.mutateAsync({
        name: form.name.trim(),
        ...filledFields(form, ['role', 'email', 'phone']),
        ...(form.country.trim() ? { country: form.country.trim().toUpperCase() } : {}),
      });
      toast({ tone: 'success', title: 'Contact created', description: contact.name });
      close();
      navigate(`/contacts/${contact.id}`);
    } catch (err) {
      showSubmitError(err, Object.keys(EMPTY), 'email');
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New contact"
      description="Add a person by hand. Link them to a company from the company's page."
      footer={<DialogActions form="new-contact-form" submitLabel="Create contact" pending={create.isPending} onCancel={close} />}
    >
      <form id="new-contact-form" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label="Name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <TextField label="Role" autoComplete="off" value={form.role} error={errors.role} onChange={(e) => set('role', e.target.value)} />
        <TextField label="E-mail" type="email" autoComplete="off" value={form.email} error={errors.email} onChange={(e) => set('email', e.target.value)} />
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <TextField label="Phone" type="tel" autoComplete="off" value={form.phone} error={errors.phone} onChange={(e) => set('phone', e.target.value)} />
          <TextField label="Country" maxLength={2} placeholder="DE" value={form.country} error={errors.country} onChange={(e) => set('country', e.target.value.toUpperCase())} />
        </div>
      </form>
    </Dialog>
  );
}
