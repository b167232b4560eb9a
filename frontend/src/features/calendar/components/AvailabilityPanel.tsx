import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  CardHeader,
  Checkbox,
  GuardedButton,
  Input,
  PlusIcon,
  QueryErrorCard,
  SelectField,
  Skeleton,
  TextField,
  TrashIcon,
  useToast,
} from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { zoneNames } from '@/lib/zones';
import { WEEKDAYS, type Weekday } from '../api';
import { useAvailability, useCalendarGuards, useSaveAvailability } from '../hooks/useCalendar';
import { DAY_NAMES, describeLoc, newKey, toBody, toForm, type AvailabilityForm, type Range } from './availabilityForm';
import { AvailabilityPreview } from './AvailabilityPreview';

/** Weekly hours in your zone, slot length, buffers, notice, horizon, limits and date exceptions, with a preview. */
export function AvailabilityPanel() {
  const query = useAvailability();
  const save = useSaveAvailability();
  const guards = useCalendarGuards();
  const { toast } = useToast();
  const [form, setForm] = useState<AvailabilityForm | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (query.data && !form) setForm(toForm(query.data));
  }, [query.data, form]);

  const body = useMemo(() => (form ? toBody(form) : null), [form]);
  const debounced = useDebouncedValue(body, 500);
  const saved = useMemo(() => (query.data ? JSON.stringify(toBody(toForm(query.data))) : null), [query.data]);
  const dirty = !!body && JSON.stringify(body) !== saved;
  const locked = guards.setting;

  if (query.isError) return <QueryErrorCard title="Couldn't load your availability" query={query} />;
  if (!form || !body) {
    return (
      <Card className="space-y-3 p-5" aria-busy="true" aria-label="Loading availability">
        <Skeleton className="h-10" />
        <Skeleton className="h-40" />
      </Card>
    );
  }

  const update = (patch: Partial<AvailabilityForm>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const setDay = (day: Weekday, ranges: Range[]) => setForm((f) => (f ? { ...f, weekly: { ...f.weekly, [day]: ranges } } : f));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form || !body) return;
    setProblems([]);
    setFormError(null);
    try {
      const result = await save.mutateAsync(body);
      setForm(toForm(result));
      toast({ tone: 'success', title: 'Availability saved', description: 'Your booking pages offer the new times now.' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem?.errors?.length) {
        setProblems(err.problem.errors.map((x) => `${describeLoc(x.loc, form)}: ${x.msg}`));
      }
      setFormError(errorMessage(err));
    }
  }

  return (
    <div className="grid gap-5 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Availability" className="space-y-5">
        {query.data && !query.data.configured ? (
          <Alert tone="info" title="No hours set yet">
            Until you save your hours, your booking pages offer no times. These are suggestions to start from.
          </Alert>
        ) : null}
        {locked ? <Alert tone="warning">{locked}</Alert> : null}
        {formError ? (
          <Alert title={formError}>
            {problems.length ? (
              <ul className="list-disc pl-4">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        <fieldset disabled={!!locked} className="space-y-5">
          <Card role="region" aria-labelledby="weekly-hours">
            <CardHeader id="weekly-hours" title="Weekly hours" description="Times of day in your time zone; a day without hours is closed." />
            <div className="space-y-4 p-5">
              <SelectField label="Your time zone" value={form.timezone} onChange={(e) => update({ timezone: e.target.value })}>
                {zoneNames(form.timezone).map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </SelectField>
              <ul className="divide-y divide-gray-100" aria-label="Hours by weekday">
                {WEEKDAYS.map((day) => (
                  <li key={day} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start">
                    <Checkbox
                      className="w-36 pt-2"
                      label={DAY_NAMES[day]}
                      checked={form.weekly[day].length > 0}
                      onChange={(e) => setDay(day, e.target.checked ? [['09:00', '17:00']] : [])}
                    />
                    <div className="flex-1 space-y-2">
                      {form.weekly[day].length === 0 ? <p className="pt-2 text-sm text-gray-500">Closed</p> : null}
                      <RangeList label={DAY_NAMES[day]} ranges={form.weekly[day]} onChange={(r) => setDay(day, r)} />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          </Card>
          <Card role="region" aria-labelledby="booking-rules">
            <CardHeader id="booking-rules" title="Booking rules" description="They apply to all your booking pages." />
            <div className="grid gap-4 p-5 sm:grid-cols-2">
              <NumberField label="Slot step (minutes)" hint="How often a meeting may start." value={form.slot} onChange={(v) => update({ slot: v })} />
              <NumberField label="Minimum notice (minutes)" hint="No bookings sooner than this." value={form.notice} onChange={(v) => update({ notice: v })} />
              <NumberField label="Buffer before (minutes)" value={form.before} onChange={(v) => update({ before: v })} />
              <NumberField label="Buffer after (minutes)" value={form.after} onChange={(v) => update({ after: v })} />
              <NumberField label="Booking horizon (days)" hint="How far ahead leads can book." value={form.horizon} onChange={(v) => update({ horizon: v })} />
              <div className="grid grid-cols-2 gap-3">
                <NumberField label="Max per day" hint="Empty: no limit." value={form.perDay} onChange={(v) => update({ perDay: v })} />
                <NumberField label="Max per week" hint="Empty: no limit." value={form.perWeek} onChange={(v) => update({ perWeek: v })} />
              </div>
            </div>
          </Card>
          <Card role="region" aria-labelledby="date-exceptions">
            <CardHeader id="date-exceptions" title="Date exceptions" description="Holidays and days with other hours replace the weekly hours of that date." />
            <div className="space-y-3 p-5">
              {form.overrides.length === 0 ? <p className="text-sm text-gray-500">No exceptions.</p> : null}
              <ul className="space-y-3" aria-label="Date exceptions">
                {form.overrides.map((o, i) => {
                  const setRow = (patch: Partial<typeof o>) => update({ overrides: form.overrides.map((x) => (x.key === o.key ? { ...x, ...patch } : x)) });
                  return (
                    <li key={o.key} className="flex flex-col gap-2 rounded-md bg-gray-50 p-3 sm:flex-row sm:items-start">
                      <div className="w-44">
                        <label className="sr-only" htmlFor={`override-${o.key}`}>{`Exception ${i + 1} date`}</label>
                        <Input id={`override-${o.key}`} type="date" value={o.date} onChange={(e) => setRow({ date: e.target.value })} />
                      </div>
                      <Checkbox className="pt-2" label="Day off" checked={o.off} onChange={(e) => setRow({ off: e.target.checked })} />
                      <div className="flex-1">{o.off ? null : <RangeList label={`Exception ${i + 1}`} ranges={o.hours} onChange={(hours) => setRow({ hours })} />}</div>
                      <Button variant="ghost" aria-label={`Remove exception ${i + 1}`} icon={<TrashIcon className="size-4" />} onClick={() => update({ overrides: form.overrides.filter((x) => x.key !== o.key) })} />
                    </li>
                  );
                })}
              </ul>
              <Button variant="secondary" size="sm" icon={<PlusIcon className="size-4" />} onClick={() => update({ overrides: [...form.overrides, { key: newKey(), date: '', off: true, hours: [['09:00', '17:00']] }] })}>
                Add a date
              </Button>
            </div>
          </Card>
        </fieldset>
        <div className="flex items-center justify-end gap-3">
          {dirty ? <span className="text-sm text-gray-500">Unsaved changes</span> : null}
          <Button variant="secondary" disabled={!dirty || !!locked} onClick={() => query.data && setForm(toForm(query.data))}>
            Discard
          </Button>
          <GuardedButton type="submit" reason={locked} loading={save.isPending} disabled={!dirty}>
            Save availability
          </GuardedButton>
        </div>
      </form>
      <AvailabilityPreview body={debounced} blocked={guards.write} />
    </div>
  );
}

function NumberField({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (v: string) => void }) {
  return <TextField label={label} hint={hint} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value.replace(/[^0-9]/g, ''))} />;
}

/** A day's ranges ("09:00"–"12:00", "13:00"–"17:00"), each editable and removable, and one more to add. */
function RangeList({ label, ranges, onChange }: { label: string; ranges: Range[]; onChange: (r: Range[]) => void }) {
  if (ranges.length === 0) return null;
  const set = (i: number, j: 0 | 1, v: string) => onChange(ranges.map((r, k) => (k === i ? (j === 0 ? [v, r[1]] : [r[0], v]) : r)));
  return (
    <div className="space-y-2">
      {ranges.map((r, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input className="w-24" aria-label={`${label} hours ${i + 1} from`} placeholder="09:00" maxLength={5} value={r[0]} onChange={(e) => set(i, 0, e.target.value)} />
          <span aria-hidden="true">–</span>
          <Input className="w-24" aria-label={`${label} hours ${i + 1} to`} placeholder="17:00" maxLength={5} value={r[1]} onChange={(e) => set(i, 1, e.target.value)} />
          <Button variant="ghost" size="sm" aria-label={`Remove ${label} hours ${i + 1}`} icon={<TrashIcon className="size-4" />} onClick={() => onChange(ranges.filter((_, k) => k !== i))} />
          {i === ranges.length - 1 ? (
            <Button variant="ghost" size="sm" aria-label={`Add hours to ${label}`} icon={<PlusIcon className="size-4" />} onClick={() => onChange([...ranges, ['', '']])} />
          ) : null}
        </div>
      ))}
    </div>
  );
}
