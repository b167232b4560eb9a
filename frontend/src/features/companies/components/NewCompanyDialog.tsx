import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Dialog, DialogActions, SelectField, TagInput, TextField, useToast } from '@/components/ui';
import type { FieldErrors } from '@/lib/api/problem';
import { useFormState } from '@/lib/useFormState';
import { LEAD_STATUSES, STATUS_LABELS, type CompanyCreate, type LeadStatus } from '../api';
import { useCreateCompany } from '../hooks/useCompanies';
import { splitList } from './listInput';

type Form = { name: string; website: string; city: string; country: string; emails: string; phones: string; status: LeadStatus; tags: string[] };
const EMPTY: Form = { name: '', website: '', city: '', country: '', emails: '', phones: '', status: 'new', tags: [] };
const FIELDS = ['name', 'website', 'city', 'country', 'emails', 'phones', 'status', 'tags'] as const;

export function NewCompanyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { form, set, errors, setErrors, formError, setFormError, reset, showSubmitError } = useFormState(EMPTY);
  const create = useCreateCompany();
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
    const missing: FieldErrors = {};
    if (!form.name.trim()) missing.name = 'Enter the company name.';
    if (form.country.trim() && !/^[A-Za-z]{2}$/.test(form.country.trim())) missing.country = 'Use the two-letter code, e.g. DE.';
    if (Object.keys(missing).length) return setErrors(missing);

    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const body: CompanyCreate = {
      name: form.name.trim(),
      status: form.status,
      ...(opt(form.website) ? { website: opt(form.website) } : {}),
      ...(opt(form.city) ? { city: opt(form.city) } : {}),
      ...(opt(form.country) ? { country: form.country.trim().toUpperCase() } : {}),
      ...(splitList(form.emails).length ? { emails: splitList(form.emails) } : {}),
      ...(splitList(form.phones).length ? { phones: splitList(form.phones) } : {}),
      ...(form.tags.length ? { tags: form.tags } : {}),
    };
    try {
      const company = await create.mutateAsync(body);
      toast({ tone: 'success', title: 'Company created', description: company.name });
      close();
      navigate(`/companies/${company.id}`);
    } catch (err) {
      showSubmitError(err, FIELDS, 'website');
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New company"
      description="Add a company by hand. With a website, it is deduplicated by its domain."
      footer={<DialogActions form="new-company-form" submitLabel="Create company" pending={create.isPending} onCancel={close} />}
    >
      <form id="new-company-form" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label="Name" name="name" autoComplete="off" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <TextField
          label="Website"
          name="website"
          placeholder="example.com"
          autoComplete="off"
          value={form.website}
          error={errors.website}
          onChange={(e) => set('website', e.target.value)}
        />
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <TextField label="City" name="city" value={form.city} error={errors.city} onChange={(e) => set('city', e.target.value)} />
          <TextField
            label="Country"
            name="country"
            placeholder="DE"
            maxLength={2}
            value={form.country}
            error={errors.country}
            onChange={(e) => set('country', e.target.value.toUpperCase())}
          />
        </div>
        <TextField
          label="E-mails"
          name="emails"
          placeholder="info@example.com, sales@example.com"
          value={form.emails}
          error={errors.emails}
          hint="Separate several with commas."
          onChange={(e) => set('emails', e.target.value)}
        />
        <TextField label="Phones" name="phones" value={form.phones} error={errors.phones} hint="Separate several with commas." onChange={(e) => set('phones', e.target.value)} />
        <SelectField label="Status" name="status" value={form.status} error={errors.status} onChange={(e) => set('status', e.target.value as LeadStatus)}>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <div className="space-y-1.5">
          <span className="block text-sm font-medium text-gray-800" aria-hidden="true">
            Tags
          </span>
          <TagInput label="Tags" value={form.tags} onChange={(t) => set('tags', t)} />
          {errors.tags ? <p className="text-sm text-red-700">{errors.tags}</p> : null}
        </div>
      </form>
    </Dialog>
  );
}
