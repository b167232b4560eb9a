import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Card, CardHeader, ErrorState, Skeleton, TextAreaField, TextField, useToast } from '@/components/ui';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import type { SenderProfile } from '../api';
import { useSaveSenderProfile, useSenderProfile } from '../hooks/useSenderProfile';
import { DisabledReason, useDemo } from '@/lib/demo';

type Form = { name: string; role: string; company: string; offer: string; calendar_url: string; signature: string };
const FIELDS = ['name', 'role', 'company', 'offer', 'calendar_url', 'signature'] as const;

function toForm(p: SenderProfile): Form {
  return { name: p.name, role: p.role ?? '', company: p.company ?? '', offer: p.offer ?? '', calendar_url: p.calendar_url ?? '', signature: p.signature ?? '' };
}

/** Who drafts are from: the AI writer signs with these, states the offer, and links the calendar. */
export function SenderProfileCard() {
  const query = useSenderProfile();
  const save = useSaveSenderProfile();
  const { hasRole } = useAuth();
  const canEdit = hasRole('admin', 'sales');
  const settingsRefused = useDemo().reason('settings');
  const { toast } = useToast();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (query.data) setForm(toForm(query.data));
  }, [query.data]);

  function set(field: keyof Form, value: string) {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    if (errors[field]) setErrors(({ [field]: _drop, ...rest }) => rest);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form || settingsRefused) return;
    setErrors({});
    setFormError(null);
    const body = Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() || null]));
    try {
      await save.mutateAsync(body);
      toast({ tone: 'success', title: 'Sender profile saved', description: 'New drafts are written and signed with it.' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      else setFormError(errorMessage(err));
    }
  }

  const dirty = !!form && !!query.data && FIELDS.some((f) => form[f].trim() !== toForm(query.data)[f].trim());

  return (
    <Card role="region" aria-labelledby="sender-profile-heading">
      <CardHeader
        id="sender-profile-heading"
        title="Sender profile"
        description="Every draft the assistant writes for you uses this: your offer in one line, your booking link in the call to action, your name and role in the sign-off."
      />
      {query.isLoading || (!form && !query.isError) ? (
        <div className="space-y-3 p-5" aria-busy="true" aria-label="Loading the sender profile">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      ) : query.isError || !form ? (
        <ErrorState title="Couldn't load your sender profile" message={errorMessage(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <form className="space-y-4 p-5" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Sender profile">
          {formError ? <Alert>{formError}</Alert> : null}
          {!canEdit ? <p className="text-sm text-gray-600">The shared demo account's sender profile can't be changed.</p> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Name" value={form.name} maxLength={120} disabled={!canEdit} error={errors.name} hint="Signs every draft." onChange={(e) => set('name', e.target.value)} />
            <TextField label="Role" value={form.role} maxLength={120} disabled={!canEdit} error={errors.role} placeholder="e.g. Vertriebsleiter" onChange={(e) => set('role', e.target.value)} />
          </div>
          <TextField label="Company" value={form.company} maxLength={200} disabled={!canEdit} error={errors.company} placeholder="e.g. Sensorik Nord GmbH" onChange={(e) => set('company', e.target.value)} />
          <TextField
            label="Your offer in one line"
            value={form.offer}
            maxLength={300}
            disabled={!canEdit}
            error={errors.offer}
            placeholder="e.g. Wir rüsten CNC-Maschinen mit Sensoren nach, die Ausfälle Tage vorher melden."
            hint="One sentence in the language you mostly write in, without “Sie” or “du”, so it fits every draft."
            onChange={(e) => set('offer', e.target.value)}
          />
          <TextField
            label="Calendar link"
            type="url"
            value={form.calendar_url}
            maxLength={500}
            disabled={!canEdit}
            error={errors.calendar_url}
            placeholder="https://…"
            hint="The call to action offers it for booking a call."
            onChange={(e) => set('calendar_url', e.target.value)}
          />
          <TextAreaField
            label="Signature"
            rows={3}
            value={form.signature}
            maxLength={1000}
            disabled={!canEdit}
            error={errors.signature}
            hint="Lines under your name: phone, address. Plain text, up to 10 lines."
            onChange={(e) => set('signature', e.target.value)}
          />
          {canEdit ? (
            <div className="flex justify-end">
              <DisabledReason reason={settingsRefused}>
                <Button type="submit" loading={save.isPending} disabled={!dirty}>
                  Save sender profile
                </Button>
              </DisabledReason>
            </div>
          ) : null}
        </form>
      )}
    </Card>
  );
}
