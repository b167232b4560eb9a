import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Checkbox, Dialog, DialogActions, SelectField, TextAreaField, TextField, TrashIcon, PlusIcon, useToast } from '@/components/ui';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/api/problem';
import type { BookingPage, PageCreate, Question } from '../api';
import { useAvailability, useCreatePage, useUpdatePage } from '../hooks/useCalendar';

type QuestionRow = Question & { key: number };
type Form = {
  title: string;
  duration: string;
  description: string;
  location: string;
  language: 'en' | 'de';
  withMeet: boolean;
  brandName: string;
  logoUrl: string;
  colour: string;
  questions: QuestionRow[];
};

const DURATIONS = [15, 20, 30, 45, 60, 90, 120];
let nextKey = 1;

function toForm(p: BookingPage | null): Form {
  return {
    title: p?.title ?? '',
    duration: String(p?.duration_minutes ?? 30),
    description: p?.description ?? '',
    location: p?.location ?? '',
    language: p?.language === 'de' ? 'de' : 'en',
    withMeet: p?.with_meet ?? false,
    brandName: p?.branding.name ?? '',
    logoUrl: p?.branding.logo_url ?? '',
    colour: p?.branding.colour ?? '',
    questions: (p?.questions ?? []).map((q) => ({ ...q, key: nextKey++ })),
  };
}

/** A question's id: kept once it exists (answers are stored under it), else made from its label. */
function questionIds(rows: QuestionRow[]): Question[] {
  const used = new Set(rows.filter((q) => q.id).map((q) => q.id));
  return rows.map(({ key: _key, ...q }) => {
    if (q.id) return q;
    const base = ('q_' + q.label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')).slice(0, 36) || 'q';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return { ...q, id };
  });
}

function body(f: Form): PageCreate {
  return {
    title: f.title.trim(),
    duration_minutes: Number(f.duration),
    description: f.description.trim(),
    location: f.location.trim() || null,
    language: f.language,
    with_meet: f.withMeet,
    branding: { name: f.brandName.trim() || null, logo_url: f.logoUrl.trim() || null, colour: f.colour.trim() || null },
    questions: questionIds(f.questions.filter((q) => q.label.trim())),
  };
}

/** Create a booking page, or edit one: what it is, how long, how it looks, what it asks. */
export function PageFormDialog({ open, page, onClose }: { open: boolean; page: BookingPage | null; onClose: () => void }) {
  const formId = useId();
  const create = useCreatePage();
  const update = useUpdatePage();
  const availability = useAvailability();
  const { toast } = useToast();
  const [form, setForm] = useState<Form>(() => toForm(page));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setForm(toForm(page));
      setErrors({});
      setFormError(null);
    }
  }, [open, page]);

  const set = <K extends keyof Form>(field: K, value: Form[K]) => setForm((f) => ({ ...f, [field]: value }));
  const setQuestion = (key: number, patch: Partial<Question>) =>
    setForm((f) => ({ ...f, questions: f.questions.map((q) => (q.key === key ? { ...q, ...patch } : q)) }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    if (!form.title.trim()) {
      setErrors({ title: 'Give the page a title: leads see it as the meeting’s name.' });
      return;
    }
    try {
      if (page) {
        await update.mutateAsync({ id: page.id, patch: body(form) });
        toast({ tone: 'success', title: 'Booking page saved', description: form.title.trim() });
      } else {
        await create.mutateAsync(body(form));
        toast({ tone: 'success', title: 'Booking page created', description: 'Copy its link and share it, or let campaigns send personal links.' });
      }
      onClose();
    } catch (err) {
      const fields = err instanceof ApiError && err.status === 422 ? err.fieldErrors : {};
      if (Object.keys(fields).length) setErrors(fields);
      setFormError(errorMessage(err));
    }
  }

  const rules = availability.data;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={page ? 'Edit booking page' : 'New booking page'}
      description="Leads see the title, length and description, and answer the questions when they book."
      footer={<DialogActions form={formId} submitLabel={page ? 'Save page' : 'Create page'} pending={create.isPending || update.isPending} onCancel={onClose} />}
    >
      <form id={formId} noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-label={page ? 'Edit booking page' : 'New booking page'}>
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label="Title" value={form.title} maxLength={200} error={errors.title} placeholder="e.g. 30-minute intro call" onChange={(e) => set('title', e.target.value)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Length" value={form.duration} error={errors.duration_minutes} onChange={(e) => set('duration', e.target.value)}>
            {[...new Set([...DURATIONS, Number(form.duration)])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </SelectField>
          <SelectField label="Language of your notices" value={form.language} onChange={(e) => set('language', e.target.value as 'en' | 'de')}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </SelectField>
        </div>
        <TextAreaField label="Description" rows={3} maxLength={5000} value={form.description} error={errors.description} hint="What the meeting is for; shown on the page." onChange={(e) => set('description', e.target.value)} />
        <TextField label="Location" value={form.location} maxLength={300} error={errors.location} placeholder="e.g. Phone, or the office address" onChange={(e) => set('location', e.target.value)} />
        <Checkbox label="Add a Google Meet link" hint="Needs a connected Google Calendar." checked={form.withMeet} onChange={(e) => set('withMeet', e.target.checked)} />
        <fieldset className="space-y-3 rounded-lg border border-gray-200 p-3">
          <legend className="px-1 text-sm font-medium text-gray-800">Branding</legend>
          <TextField label="Brand name" value={form.brandName} maxLength={120} error={errors.name} onChange={(e) => set('brandName', e.target.value)} />
          <TextField label="Logo URL" type="url" value={form.logoUrl} error={errors.logo_url} placeholder="https://…" onChange={(e) => set('logoUrl', e.target.value)} />
          <TextField label="Colour" value={form.colour} error={errors.colour} placeholder="#2563eb" hint="A hex colour for the page's buttons." onChange={(e) => set('colour', e.target.value)} />
        </fieldset>
        <fieldset className="space-y-3 rounded-lg border border-gray-200 p-3">
          <legend className="px-1 text-sm font-medium text-gray-800">Questions</legend>
          <p className="text-xs text-gray-500">Name and e-mail are always asked. Up to 10 more questions; answers show on the booking.</p>
          {form.questions.map((q, i) => (
            <div key={q.key} className="space-y-2 rounded-md bg-gray-50 p-2.5">
              <div className="flex items-end gap-2">
                <TextField className="flex-1" label={`Question ${i + 1}`} value={q.label} maxLength={200} onChange={(e) => setQuestion(q.key, { label: e.target.value })} />
                <Button variant="ghost" aria-label={`Remove question ${i + 1}`} onClick={() => set('questions', form.questions.filter((x) => x.key !== q.key))} icon={<TrashIcon className="size-4" />} />
              </div>
              <div className="flex flex-wrap gap-4">
                <Checkbox label="Required" checked={!!q.required} onChange={(e) => setQuestion(q.key, { required: e.target.checked })} />
                <Checkbox label="Long answer" checked={!!q.multiline} onChange={(e) => setQuestion(q.key, { multiline: e.target.checked })} />
              </div>
            </div>
          ))}
          {form.questions.length < 10 ? (
            <Button variant="secondary" size="sm" icon={<PlusIcon className="size-4" />} onClick={() => set('questions', [...form.questions, { id: '', label: '', required: false, multiline: false, key: nextKey++ }])}>
              Add a question
            </Button>
          ) : null}
        </fieldset>
        <p className="text-xs text-gray-500">
          Buffers, minimum notice, how far ahead leads can book and daily or weekly limits are part of your{' '}
          <Link to="/calendar?tab=availability" className="text-accent-700 underline" onClick={onClose}>
            availability
          </Link>{' '}
          and apply to all your pages
          {rules
            ? `: now ${rules.buffer_before_minutes} min before and ${rules.buffer_after_minutes} min after, ${rules.min_notice_minutes} min notice, up to ${rules.horizon_days} days ahead${rules.max_per_day ? `, at most ${rules.max_per_day} a day` : ''}${rules.max_per_week ? `, ${rules.max_per_week} a week` : ''}.`
            : '.'}
        </p>
      </form>
    </Dialog>
  );
}
