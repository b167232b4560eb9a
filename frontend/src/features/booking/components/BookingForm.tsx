import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, TextAreaField, TextField } from '@/components/ui';
import { ApiError, type FieldErrors } from '@/lib/api/problem';
import { formatMoment } from '@/lib/zones';
import { book, type BookingCreated, type PublicPage, type Slot } from '../api';
import { useWords, visitorLanguage } from '../i18n';
import { bookingProblem, newKey } from './words';

export type Details = { name: string; email: string; note: string; answers: Record<string, string>; website: string };

export function emptyDetails(page: PublicPage): Details {
  return { name: page.prefill?.name ?? '', email: page.prefill?.email ?? '', note: '', answers: {}, website: '' };
}

/**
 * Name, e-mail and the page's questions for the chosen time. A retry of the same request reuses its
 * Idempotency-Key (a lost answer cannot book twice); a changed request gets a new one. A taken slot
 * hands back to the picker with the reason.
 */
export function BookingForm({
  token,
  page,
  slot,
  zone,
  details,
  onDetails,
  onBooked,
  onTaken,
  onChangeTime,
}: {
  token: string;
  page: PublicPage;
  slot: Slot;
  zone: string;
  details: Details;
  onDetails: (d: Details) => void;
  onBooked: (b: BookingCreated) => void;
  onTaken: (message: string) => void;
  onChangeTime: () => void;
}) {
  const w = useWords();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const attempt = useRef<{ request: string; key: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The time the visitor clicked is gone from view: keyboards and screen readers continue at the form.
  useEffect(() => heading.current?.focus(), []);
  const set = (patch: Partial<Details>) => onDetails({ ...details, ...patch });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!details.name.trim()) missing.name = w.needName;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email.trim())) missing.email = w.needEmail;
    for (const q of page.questions) if (q.required && !details.answers[q.id]?.trim()) missing[q.id] = w.needAnswer;
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;
    const answers = Object.fromEntries(Object.entries(details.answers).filter(([, v]) => v.trim()));
    const body = {
      start: slot.start,
      name: details.name.trim(),
      email: details.email.trim(),
      note: details.note.trim() || null,
      timezone: zone,
      language: visitorLanguage(),
      answers,
      website: details.website || null,
    };
    const request = JSON.stringify(body);
    if (attempt.current?.request !== request) attempt.current = { request, key: newKey() };
    setPending(true);
    try {
      onBooked(await book(token, body, attempt.current.key));
    } catch (err) {
      const problem = bookingProblem(err, w);
      if (problem.taken) {
        onTaken(problem.message);
        return;
      }
      if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors);
      setFormError(problem.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="details-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-accent-50 px-4 py-3">
        <p className="text-sm text-gray-900">
          <span className="font-semibold">{formatMoment(slot.start, zone)}</span>
          <span className="text-gray-600"> · {w.minutes(page.duration_minutes)}</span>
        </p>
        <Button variant="ghost" size="sm" onClick={onChangeTime}>
          {w.changeTime}
        </Button>
      </div>
      <h2 id="details-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-gray-900 focus:outline-none">
        {w.yourDetails}
      </h2>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4" aria-labelledby="details-heading">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField label={w.name} autoComplete="name" required maxLength={200} value={details.name} error={errors.name} onChange={(e) => set({ name: e.target.value })} />
        <TextField label={w.email} type="email" autoComplete="email" required maxLength={320} value={details.email} error={errors.email} hint={w.emailHint} onChange={(e) => set({ email: e.target.value })} />
        {page.questions.map((q) => {
          const props = {
            label: q.required ? q.label : w.optional(q.label),
            required: q.required,
            maxLength: 5000,
            value: details.answers[q.id] ?? '',
            error: errors[q.id],
          };
          const onChange = (value: string) => set({ answers: { ...details.answers, [q.id]: value } });
          return q.multiline ? (
            <TextAreaField key={q.id} rows={3} {...props} onChange={(e) => onChange(e.target.value)} />
          ) : (
            <TextField key={q.id} {...props} onChange={(e) => onChange(e.target.value)} />
          );
        })}
        <TextAreaField label={w.anythingElse} rows={3} maxLength={5000} value={details.note} error={errors.note} onChange={(e) => set({ note: e.target.value })} />
        {/* A honeypot: people never see it, form-filling robots fill it and are refused. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" value={details.website} onChange={(e) => set({ website: e.target.value })} />
        </div>
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {w.book(formatMoment(slot.start, zone))}
        </Button>
      </form>
    </section>
  );
}
