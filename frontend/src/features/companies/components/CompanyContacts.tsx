import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Badge, Button, Card, CardHeader, Dialog, DialogActions, ErrorState, PlusIcon, Skeleton, TextField, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { filledFields, useFormState } from '@/lib/useFormState';
import type { ContactRead } from '../api';
import { useAddCompanyContact, useCompanyContacts } from '../hooks/useCompanies';

const BASIS_LABEL: Record<string, string> = { consent: 'Consent', existing_customer: 'Customer' };

export function CompanyContacts({ companyId, companyName }: { companyId: number; companyName: string }) {
  const query = useCompanyContacts(companyId);
  const [adding, setAdding] = useState(false);
  const contacts = query.data?.items;

  return (
    <Card>
      <CardHeader
        title={`Contacts${query.data ? ` (${query.data.total})` : ''}`}
        actions={
          <Button variant="secondary" size="sm" icon={<PlusIcon className="size-4" />} onClick={() => setAdding(true)}>
            Add contact
          </Button>
        }
      />
      {query.isLoading ? (
        <div className="space-y-3 p-5" aria-busy="true" aria-label="Loading contacts">
          <Skeleton className="w-40" />
          <Skeleton className="w-32" />
        </div>
      ) : query.isError ? (
        <ErrorState title="Couldn't load contacts" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
      ) : !contacts?.length ? (
        <p className="px-5 py-6 text-sm text-gray-500">No contacts yet. Crawled representatives and imported people appear here.</p>
      ) : (
        <ul className="divide-y divide-gray-100" aria-label="Contacts of this company">
          {contacts.map((c) => (
            <ContactRow key={c.id} contact={c} />
          ))}
        </ul>
      )}
      <AddContactDialog open={adding} onClose={() => setAdding(false)} companyId={companyId} companyName={companyName} />
    </Card>
  );
}

function ContactRow({ contact: c }: { contact: ContactRead }) {
  return (
    <li className="px-5 py-3">
      <div className="flex items-center justify-between gap-2">
        <Link to={`/contacts/${c.id}`} className="truncate text-sm font-medium text-gray-900 hover:text-accent-700 hover:underline">
          {c.name}
        </Link>
        {BASIS_LABEL[c.legal_basis] ? <Badge tone="success">{BASIS_LABEL[c.legal_basis]}</Badge> : null}
      </div>
      {c.role || c.email ? (
        <p className="truncate text-xs text-gray-500">{[c.role, c.email].filter(Boolean).join(' · ')}</p>
      ) : null}
    </li>
  );
}

type Form = { name: string; role: string; email: string; phone: string };
const EMPTY: Form = { name: '', role: '', email: '', phone: '' };

function AddContactDialog({ open, onClose, companyId, companyName }: { open: boolean; onClose: () => void; companyId: number; companyName: string }) {
  const { form, set, errors, setErrors, setFormError, formError, reset, showSubmitError } = useFormState(EMPTY);
  const add = useAddCompanyContact(companyId);
  const { toast } = useToast();

  function close() {
    reset();
    add.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!form.name.trim()) return setErrors({ name: 'Enter a name.' });
    try {
      const contact = await add.mutateAsync({ name: form.name.trim(), ...filledFields(form, ['role', 'email', 'phone']) });
      toast({ tone: 'success', title: 'Contact added', description: `${contact.name} at ${companyName}` });
      close();
    } catch (err) {
      showSubmitError(err, Object.keys(EMPTY), 'email');
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add contact"
      description={`A person at ${companyName}.`}
      footer={<DialogActions form="add-contact-form" submitLabel="Add contact" pending={add.isPending} onCancel={close} />}
    >
      <form id="add-contact-form" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label="Name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <TextField label="Role" autoComplete="off" placeholder="e.g. Managing director" value={form.role} error={errors.role} onChange={(e) => set('role', e.target.value)} />
        <TextField label="E-mail" type="email" autoComplete="off" value={form.email} error={errors.email} onChange={(e) => set('email', e.target.value)} />
        <TextField label="Phone" type="tel" autoComplete="off" value={form.phone} error={errors.phone} onChange={(e) => set('phone', e.target.value)} />
      </form>
    </Dialog>
  );
}
