import type { FormEvent } from 'react';
import { Checkbox, Dialog, DialogActions, SelectField, TextField, useToast } from '@/components/ui';
import type { FieldErrors } from '@/lib/api/problem';
import { useFormState } from '@/lib/useFormState';
import { IMAP_PORTS, SECURITY_LABELS, SMTP_PORTS, type MailboxCreate, type MailboxRead, type Security } from '../api';
import { useSaveMailbox } from '../hooks/useMailboxes';

const SECURITIES: Security[] = ['starttls', 'tls', 'none'];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

type Form = {
  name: string;
  from_email: string;
  from_name: string;
  smtp_host: string;
  smtp_port: string;
  smtp_security: Security;
  smtp_username: string;
  smtp_password: string;
  daily_limit: string;
  min_gap_seconds: string;
  max_connections: string;
  use_imap: boolean;
  imap_host: string;
  imap_port: string;
  imap_security: Security;
  imap_username: string;
  imap_password: string;
  use_warmup: boolean;
  warmup_start: string;
  warmup_step: string;
  use_window: boolean;
  window_days: number[];
  window_start: string;
  window_end: string;
};

const FIELDS = [
  'name', 'from_email', 'from_name', 'smtp_host', 'smtp_port', 'smtp_security', 'smtp_username', 'smtp_password',
  'daily_limit', 'min_gap_seconds', 'max_connections', 'warmup', 'imap_host', 'imap_port', 'imap_security', 'imap_username', 'imap_password', 'send_window',
] as const;

function formFor(m: MailboxRead | null): Form {
  return {
    name: m?.name ?? '',
    from_email: m?.from_email ?? '',
    from_name: m?.from_name ?? '',
    smtp_host: m?.smtp_host ?? '',
    smtp_port: String(m?.smtp_port ?? 587),
    smtp_security: (m?.smtp_security ?? 'starttls') as Security,
    smtp_username: m?.smtp_username ?? '',
    smtp_password: '',
    daily_limit: m ? (m.daily_limit ? String(m.daily_limit) : '') : '50',
    min_gap_seconds: m?.min_gap_seconds != null ? String(m.min_gap_seconds) : '60',
    max_connections: String(m?.max_connections ?? 4),
    use_imap: !!m?.imap_host,
    imap_host: m?.imap_host ?? '',
    imap_port: String(m?.imap_port ?? 993),
    imap_security: (m?.imap_security ?? 'tls') as Security,
    imap_username: m?.imap_username ?? '',
    imap_password: '',
    use_warmup: !!m?.warmup,
    warmup_start: String(m?.warmup?.start_per_day ?? 10),
    warmup_step: String(m?.warmup?.step_per_day ?? 5),
    use_window: !!m?.send_window,
    window_days: m?.send_window?.weekdays ?? [0, 1, 2, 3, 4],
    window_start: m?.send_window?.start ?? '08:00',
    window_end: m?.send_window?.end ?? '17:00',
  };
}

const blank = (s: string) => (s.trim() ? s.trim() : null);
const PORT = /^\d{1,5}$/;

/** Add or edit a mailbox. Passwords are write-only: empty on edit means "keep the stored one". */
export function MailboxFormDialog({ open, mailbox, onClose }: { open: boolean; mailbox: MailboxRead | null; onClose: () => void }) {
  const editing = mailbox !== null;
  const { form, set, errors, setErrors, formError, setFormError, reset, showSubmitError } = useFormState(formFor(mailbox));
  const save = useSaveMailbox(mailbox?.id ?? null);
  const { toast } = useToast();

  function close() {
    reset();
    save.reset();
    onClose();
  }

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    if (!form.name.trim()) e.name = 'Give the mailbox a name.';
    if (!form.from_email.trim()) e.from_email = 'Enter the sender address.';
    if (!form.smtp_host.trim()) e.smtp_host = 'Enter the SMTP server.';
    if (!PORT.test(form.smtp_port)) e.smtp_port = 'A port is a number from 1 to 65535.';
    if (form.daily_limit && !/^\d+$/.test(form.daily_limit)) e.daily_limit = 'A whole number, or empty for no cap.';
    if (form.min_gap_seconds && !/^\d+(\.\d+)?$/.test(form.min_gap_seconds)) e.min_gap_seconds = 'Seconds, a whole number.';
    if (!/^\d+$/.test(form.max_connections) || Number(form.max_connections) < 1 || Number(form.max_connections) > 20)
      e.max_connections = 'From 1 to 20 connections.';
    if (form.use_warmup && (!/^\d+$/.test(form.warmup_start) || Number(form.warmup_start) < 1 || !/^\d+$/.test(form.warmup_step)))
      e.warmup = 'Start with at least 1 a day; the daily step is a whole number.';
    if (form.use_imap && !form.imap_host.trim()) e.imap_host = 'Enter the IMAP server, or switch IMAP off.';
    if (form.use_imap && !PORT.test(form.imap_port)) e.imap_port = 'A port is a number from 1 to 65535.';
    if (form.use_window && (!form.window_days.length || form.window_start >= form.window_end))
      e.send_window = 'Pick at least one day and a start before the end.';
    return e;
  }

  async function onSubmit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    setFormError(null);
    const missing = validate();
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    const body: MailboxCreate = {
      name: form.name.trim(),
      from_email: form.from_email.trim(),
      from_name: blank(form.from_name),
      smtp_host: form.smtp_host.trim(),
      smtp_port: Number(form.smtp_port),
      smtp_security: form.smtp_security,
      smtp_username: blank(form.smtp_username),
      daily_limit: form.daily_limit ? Number(form.daily_limit) : 0,
      min_gap_seconds: form.min_gap_seconds ? Number(form.min_gap_seconds) : 0,
      max_connections: Number(form.max_connections),
      imap_host: form.use_imap ? form.imap_host.trim() : null,
      imap_port: form.use_imap ? Number(form.imap_port) : null,
      imap_security: form.use_imap ? form.imap_security : null,
      imap_username: form.use_imap ? blank(form.imap_username) : null,
      warmup: form.use_warmup
        ? { start_per_day: Number(form.warmup_start), step_per_day: Number(form.warmup_step), started_on: mailbox?.warmup?.started_on ?? null }
        : null,
      send_window: form.use_window ? { weekdays: form.window_days, start: form.window_start, end: form.window_end } : null,
    };
    // A password is sent only when typed: an edit with an empty field keeps the stored secret.
    if (form.smtp_password) body.smtp_password = form.smtp_password;
    if (form.use_imap && form.imap_password) body.imap_password = form.imap_password;
    try {
      const saved = await save.mutateAsync(body);
      toast({ tone: 'success', title: editing ? 'Mailbox saved' : 'Mailbox added', description: `${saved.name} (${saved.from_email}).` });
      close();
    } catch (err) {
      showSubmitError(err, FIELDS, 'name');
    }
  }

  const passwordHint = (has: boolean | undefined) => (editing && has ? 'Stored. Leave empty to keep it.' : 'Stored encrypted; never shown again.');

  return (
    <Dialog
      open={open}
      onClose={close}
      title={editing ? `Edit ${mailbox.name}` : 'Add mailbox'}
      description="Your own SMTP account sends; IMAP (optional) reads replies and bounces."
      footer={<DialogActions form="mailbox-form" submitLabel={editing ? 'Save mailbox' : 'Add mailbox'} pending={save.isPending} onCancel={close} />}
    >
      <form id="mailbox-form" noValidate onSubmit={onSubmit} className="space-y-5">
        {formError ? (
          <div role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {formError}
          </div>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Name" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} placeholder="Sales (Sam)" />
          <TextField label="From name" value={form.from_name} error={errors.from_name} onChange={(e) => set('from_name', e.target.value)} />
          <TextField label="From address" type="email" value={form.from_email} error={errors.from_email} onChange={(e) => set('from_email', e.target.value)} className="sm:col-span-2" />
        </div>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900">SMTP (sending)</legend>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
            <TextField label="SMTP server" value={form.smtp_host} error={errors.smtp_host} onChange={(e) => set('smtp_host', e.target.value)} placeholder="smtp.example.com" />
            <SelectField
              label="SMTP security"
              value={form.smtp_security}
              error={errors.smtp_security}
              onChange={(e) => {
                const s = e.target.value as Security;
                set('smtp_security', s);
                set('smtp_port', String(SMTP_PORTS[s]));
              }}
            >
              {SECURITIES.map((s) => (
                <option key={s} value={s}>
                  {SECURITY_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <TextField label="SMTP port" inputMode="numeric" value={form.smtp_port} error={errors.smtp_port} onChange={(e) => set('smtp_port', e.target.value)} />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="SMTP user" autoComplete="off" value={form.smtp_username} error={errors.smtp_username} onChange={(e) => set('smtp_username', e.target.value)} />
            <TextField
              label="SMTP password"
              type="password"
              autoComplete="new-password"
              value={form.smtp_password}
              error={errors.smtp_password}
              hint={passwordHint(mailbox?.has_smtp_password)}
              onChange={(e) => set('smtp_password', e.target.value)}
            />
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900">Pacing</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Daily cap" inputMode="numeric" value={form.daily_limit} error={errors.daily_limit} hint="Messages per rolling 24 h; empty or 0 for none." onChange={(e) => set('daily_limit', e.target.value)} />
            <TextField label="Minimum gap (seconds)" inputMode="numeric" value={form.min_gap_seconds} error={errors.min_gap_seconds} hint="Between two messages, plus a little jitter." onChange={(e) => set('min_gap_seconds', e.target.value)} />
            <TextField label="Parallel connections" inputMode="numeric" value={form.max_connections} error={errors.max_connections} hint="SMTP sessions at once when there is no gap (1–20); your provider may allow fewer." onChange={(e) => set('max_connections', e.target.value)} />
          </div>
          <Checkbox
            label="Warm up"
            hint="A new address starts slowly and sends a few more each day, up to the daily cap."
            checked={form.use_warmup}
            onChange={(e) => set('use_warmup', e.target.checked)}
          />
          {form.use_warmup ? (
            <div className="grid max-w-md grid-cols-2 gap-3 pl-6">
              <TextField label="First day" inputMode="numeric" value={form.warmup_start} hint="Messages on day one." onChange={(e) => set('warmup_start', e.target.value)} />
              <TextField label="More each day" inputMode="numeric" value={form.warmup_step} onChange={(e) => set('warmup_step', e.target.value)} />
              {errors.warmup ? <p className="col-span-2 text-sm text-red-700">{errors.warmup}</p> : null}
            </div>
          ) : null}
          <Checkbox label="Only send inside a window" checked={form.use_window} onChange={(e) => set('use_window', e.target.checked)} />
          {form.use_window ? (
            <div className="space-y-2 pl-6">
              <div role="group" aria-label="Sending days" className="flex flex-wrap gap-3">
                {WEEKDAYS.map((d, i) => (
                  <Checkbox
                    key={d}
                    label={d}
                    checked={form.window_days.includes(i)}
                    onChange={(e) => set('window_days', e.target.checked ? [...form.window_days, i].sort() : form.window_days.filter((x) => x !== i))}
                  />
                ))}
              </div>
              <div className="grid max-w-xs grid-cols-2 gap-3">
                <TextField label="From" type="time" value={form.window_start} onChange={(e) => set('window_start', e.target.value)} />
                <TextField label="Until" type="time" value={form.window_end} onChange={(e) => set('window_end', e.target.value)} />
              </div>
              {errors.send_window ? <p className="text-sm text-red-700">{errors.send_window}</p> : <p className="text-xs text-gray-500">In the recipient's time zone.</p>}
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900">IMAP (replies and bounces)</legend>
          <Checkbox label="Read replies over IMAP" checked={form.use_imap} onChange={(e) => set('use_imap', e.target.checked)} />
          {form.use_imap ? (
            <>
              <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
                <TextField label="IMAP server" value={form.imap_host} error={errors.imap_host} onChange={(e) => set('imap_host', e.target.value)} placeholder="imap.example.com" />
                <SelectField
                  label="IMAP security"
                  value={form.imap_security}
                  onChange={(e) => {
                    const s = e.target.value as Security;
                    set('imap_security', s);
                    set('imap_port', String(IMAP_PORTS[s]));
                  }}
                >
                  {SECURITIES.map((s) => (
                    <option key={s} value={s}>
                      {SECURITY_LABELS[s]}
                    </option>
                  ))}
                </SelectField>
                <TextField label="IMAP port" inputMode="numeric" value={form.imap_port} error={errors.imap_port} onChange={(e) => set('imap_port', e.target.value)} />
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField label="IMAP user" autoComplete="off" value={form.imap_username} onChange={(e) => set('imap_username', e.target.value)} />
                <TextField
                  label="IMAP password"
                  type="password"
                  autoComplete="new-password"
                  value={form.imap_password}
                  error={errors.imap_password}
                  hint={passwordHint(mailbox?.has_imap_password)}
                  onChange={(e) => set('imap_password', e.target.value)}
                />
              </div>
            </>
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
