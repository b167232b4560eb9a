import type { FormEvent } from 'react';
import { Alert, Dialog, DialogActions, TextField, useToast } from '@/components/ui';
import { useFormState } from '@/lib/useFormState';
import { STATUS_LABELS, type ContactFilter } from '../api';
import { useCreateSavedFilter } from '../hooks/useContacts';

const EMPTY = { name: '' };

/** What the filter picks, in words ("Status: Replied · Search: “acme”"). */
export function describeFilter(f: ContactFilter): string {
  const parts = [
    f.q ? `Search: “${f.q}”` : null,
    f.statuses?.length ? `Status: ${f.statuses.map((s) => STATUS_LABELS[s]).join(' or ')}` : null,
    f.tags?.length ? `Tag: ${f.tags.join(' or ')}` : null,
    f.legal_basis ? `Legal basis: ${f.legal_basis.replace('_', ' ')}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'All contacts';
}

/** Save the contacts list's current filter under a name; a campaign can pick it as its audience. */
export function SaveFilterDialog({ open, onClose, filters }: { open: boolean; onClose: () => void; filters: ContactFilter }) {
  const { form, set, errors, setErrors, setFormError, formError, reset, showSubmitError } = useFormState(EMPTY);
  const save = useCreateSavedFilter();
  const { toast } = useToast();

  function close() {
    reset();
    save.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!form.name.trim()) return setErrors({ name: 'Enter a name.' });
    try {
      const saved = await save.mutateAsync({ name: form.name.trim(), filters });
      toast({ tone: 'success', title: 'Filter saved', description: `${saved.name}: ${saved.total} contact${saved.total === 1 ? '' : 's'}` });
      close();
    } catch (err) {
      showSubmitError(err, ['name'], 'name');
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Save filter"
      description={`${describeFilter(filters)}. A campaign can use it as its audience; contacts who match later are included then.`}
      footer={<DialogActions form="save-filter-form" submitLabel="Save filter" pending={save.isPending} onCancel={close} />}
    >
      <form id="save-filter-form" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label="Name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
      </form>
    </Dialog>
  );
}
