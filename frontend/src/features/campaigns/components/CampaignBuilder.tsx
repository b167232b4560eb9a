import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  BackLink,
  Button,
  Card,
  CardHeader,
  Checkbox,
  Chip,
  GuardedButton,
  PlusIcon,
  RecordLoadError,
  SearchPicker,
  SelectField,
  Skeleton,
  Switch,
  TextField,
  TrashIcon,
  useToast,
  type PickerOption,
} from '@/components/ui';
import { errorMessage, fieldErrorsFrom, ApiError } from '@/lib/api/problem';
import { useGate } from '@/lib/auth';
import { formatNumber } from '@/lib/format';
import { useRouteId } from '@/lib/useRouteId';
import { audienceOf, contactIdsFor, LEAD_STATUSES, WEEKDAYS, type AudienceFilter, type CampaignDetail, type FullWindow, type LeadStatus, fullWindow } from '../api';
import {
  useAudienceCount,
  useAudiencePreview,
  useBookingPageOptions,
  useCampaign,
  useCompanySearch,
  useContactSearch,
  useMailboxOptions,
  useSaveCampaign,
  useSavedFilters,
  useTemplateOptions,
} from '../hooks/useCampaigns';
import { newStep, stepErrorsFrom, stepIn, stepRowFrom, variantErrors, type StepRow } from '../variants';
import { StepVariants } from './StepVariants';

type AudienceMode = 'filter' | 'saved' | 'pick' | 'keep';
const MODE_LABELS: Record<Exclude<AudienceMode, 'keep'>, string> = { filter: 'By tag, status and company', saved: 'A saved filter', pick: 'Pick contacts' };
const EXCLUSION_WORDS: Record<string, string> = {
  no_email: 'without an e-mail address',
  invalid_email: 'with an unusable address',
  suppressed: 'suppressed',
  unsubscribed: 'unsubscribed',
  legal_basis: 'without a legal basis (DE/AT/CH)',
  duplicate: 'duplicate addresses',
  contact_missing: 'deleted',
  stopped: 'stopped',
};

export function NewCampaignPage() {
  return <CampaignBuilder campaign={null} />;
}

export function EditCampaignPage() {
  const id = useRouteId('campaignId');
  const query = useCampaign(id);
  const back = <BackLink to={`/campaigns/${id}`}>Campaign</BackLink>;
  if (query.isLoading) return <Skeleton className="h-96 w-full" />;
  if (!query.data) return <RecordLoadError back={back} title="Couldn't load the campaign" query={query} />;
  if (query.data.status !== 'draft')
    return (
      <>
        {back}
        <p className="text-sm text-gray-700">Only a draft can be changed; this campaign is {query.data.status}.</p>
      </>
    );
  return <CampaignBuilder key={query.data.id} campaign={query.data} />;
}

function CampaignBuilder({ campaign }: { campaign: CampaignDetail | null }) {
  const navigate = useNavigate();
  const { toast } = useToast();
  const save = useSaveCampaign(campaign?.id ?? null);
  const gate = useGate('writer', 'save campaigns', { role: true });
  const templates = useTemplateOptions();
  const mailboxes = useMailboxOptions();
  const bookingPages = useBookingPageOptions();

  const [name, setName] = useState(campaign?.name ?? '');
  const [mode, setMode] = useState<AudienceMode>(campaign ? 'keep' : 'filter');
  const [filter, setFilter] = useState<AudienceFilter>({ tag: null, status: null, company_id: null });
  const [savedFilterId, setSavedFilterId] = useState<number | null>(null);
  const [company, setCompany] = useState<PickerOption | null>(null);
  const [companyText, setCompanyText] = useState('');
  const [picked, setPicked] = useState<PickerOption[]>([]);
  const [contactText, setContactText] = useState('');
  const [steps, setSteps] = useState<StepRow[]>(campaign?.steps.map(stepRowFrom) ?? [newStep('0', false)]);
  const [windowOn, setWindowOn] = useState(!!campaign?.send_window);
  const [sendWindow, setSendWindow] = useState<FullWindow>(fullWindow(campaign?.send_window));
  const [mailboxIds, setMailboxIds] = useState<number[]>(campaign?.mailbox_ids ?? []);
  const [trackOpens, setTrackOpens] = useState(campaign?.track_opens ?? false);
  const [trackClicks, setTrackClicks] = useState(campaign?.track_clicks ?? false);
  const [bookingPageId, setBookingPageId] = useState(campaign?.booking_page_id ? String(campaign.booking_page_id) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);

  const count = useAudienceCount(filter, mode === 'filter');
  const companies = useCompanySearch(companyText, company === null);
  const contacts = useContactSearch(contactText, mode === 'pick');
  const savedFilters = useSavedFilters(mode === 'saved');
  // Who of the audience may be mailed now, for every way of picking it (the draft's eligibility card says who).
  const preview = useAudiencePreview(
    mode === 'saved'
      ? savedFilterId === null
        ? null
        : { audience: { saved_filter_id: savedFilterId } }
      : mode === 'filter'
        ? { audience: audienceOf(filter) }
        : mode === 'pick' && picked.length
          ? { contact_ids: picked.map((p) => p.id) }
          : null,
  );
  const audienceSize =
    mode === 'filter'
      ? (count.data ?? null)
      : mode === 'saved'
        ? savedFilterId === null
          ? 0
          : (preview.data?.total ?? null)
        : mode === 'pick'
          ? picked.length
          : (campaign?.contact_ids.length ?? 0);
  const excludedWords = Object.entries(preview.data?.excluded_by_reason ?? {})
    .filter(([, n]) => n)
    .map(([reason, n]) => `${formatNumber(n ?? 0)} ${EXCLUSION_WORDS[reason] ?? reason}`);

  function setStep(i: number, patch: Partial<StepRow>) {
    setSteps((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = 'Give the campaign a name.';
    if (mode === 'saved' && savedFilterId === null) errs.contact_ids = 'Pick a saved filter.';
    else if (!audienceSize) errs.contact_ids = 'The audience is empty.';
    steps.forEach((s, i) => {
      if (!s.template_id) errs[`step-${i}`] = 'Pick a template.';
      else if (!/^\d+(\.\d+)?$/.test(s.delay_days)) errs[`step-${i}`] = 'The delay is a number of days (0 or more).';
      Object.assign(errs, variantErrors(s, i));
    });
    if (!mailboxIds.length) errs.mailbox_ids = 'Pick at least one mailbox.';
    if (windowOn && (!sendWindow.weekdays.length || sendWindow.start >= sendWindow.end)) errs.send_window = 'Pick at least one day and a start before the end.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      setResolving(true);
      // A saved filter is resolved by the e-mail service (through leads) when the draft is saved; the campaign keeps it.
      const contactIds = mode === 'filter' ? await contactIdsFor(filter) : mode === 'pick' ? picked.map((p) => p.id) : [];
      setResolving(false);
      const saved = await save.mutateAsync({
        name: name.trim(),
        mailbox_ids: mailboxIds,
        // Keeping the audience sends no ids, so the draft also keeps the saved filter it came from.
        ...(mode === 'keep' ? {} : { contact_ids: contactIds }),
        ...(mode === 'saved' && savedFilterId !== null ? { audience: { saved_filter_id: savedFilterId } } : {}),
        steps: steps.map(stepIn),
        send_window: windowOn ? sendWindow : null,
        track_opens: trackOpens,
        track_clicks: trackClicks,
        booking_page_id: bookingPageId ? Number(bookingPageId) : null,
      });
      toast({ tone: 'success', title: campaign ? 'Draft saved' : 'Draft created', description: `${saved.name}: check who is eligible, then an admin starts it.` });
      navigate(`/campaigns/${saved.id}`);
    } catch (err) {
      setResolving(false);
      // The steps' errors go to the step or variant they name; the rest by field name, as elsewhere.
      const fe = err instanceof ApiError ? { ...fieldErrorsFrom(err.problem), ...stepErrorsFrom(err.problem, steps) } : {};
      setErrors(fe);
      setFormError(errorMessage(err));
    }
  }

  return (
    <>
      <BackLink to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>{campaign ? campaign.name : 'Campaigns'}</BackLink>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-gray-900">{campaign ? `Edit ${campaign.name}` : 'New campaign'}</h1>
      <form noValidate onSubmit={onSubmit} className="max-w-4xl space-y-6">
        {formError ? (
          <div role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {formError}
          </div>
        ) : null}
        <Card className="p-5">
          <TextField label="Campaign name" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} placeholder="Tax advisors Munich, Q1" />
        </Card>

        <Card role="region" aria-labelledby="audience-heading">
          <CardHeader id="audience-heading" title="Audience" description="Who gets the sequence: how many may be mailed now shows as you pick; the draft names who is excluded and why before it starts." />
          <div className="space-y-4 p-5">
            <div role="radiogroup" aria-label="Pick the audience" className="flex flex-wrap gap-4 text-sm">
              {(campaign ? (['keep', 'filter', 'saved', 'pick'] as const) : (['filter', 'saved', 'pick'] as const)).map((m) => (
                <label key={m} className="flex items-center gap-2">
                  <input type="radio" name="audience-mode" checked={mode === m} onChange={() => setMode(m)} className="accent-accent-600" />
                  {m === 'keep'
                    ? `Keep the ${campaign?.contact_ids.length ?? 0} contacts chosen before${campaign?.audience?.saved_filter_name ? ` (saved filter “${campaign.audience.saved_filter_name}”)` : ''}`
                    : MODE_LABELS[m]}
                </label>
              ))}
            </div>
            {mode === 'filter' ? (
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField label="Tag" value={filter.tag ?? ''} onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value.trim() || null }))} placeholder="any" />
                <SelectField label="Status" value={filter.status ?? ''} onChange={(e) => setFilter((f) => ({ ...f, status: (e.target.value || null) as LeadStatus | null }))}>
                  <option value="">Any status</option>
                  {LEAD_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </SelectField>
                <SearchPicker
                  label="Company"
                  placeholder="Any company"
                  query={companyText}
                  onQueryChange={setCompanyText}
                  options={(companies.data ?? []).map((c) => ({ id: c.id, label: c.name, description: c.domain ?? null }))}
                  loading={companies.isFetching}
                  selected={company}
                  onSelect={(o) => {
                    setCompany(o);
                    setCompanyText('');
                    setFilter((f) => ({ ...f, company_id: o.id }));
                  }}
                  onClear={() => {
                    setCompany(null);
                    setFilter((f) => ({ ...f, company_id: null }));
                  }}
                  emptyText="No company matches."
                />
              </div>
            ) : mode === 'saved' ? (
              <div className="space-y-1">
                <SelectField
                  label="Saved filter"
                  value={savedFilterId === null ? '' : String(savedFilterId)}
                  onChange={(e) => setSavedFilterId(e.target.value ? Number(e.target.value) : null)}
                >
                  <option value="">{savedFilters.isLoading ? 'Loading…' : 'Pick a saved filter…'}</option>
                  {(savedFilters.data ?? []).map((f) => (
                    <option key={f.id} value={f.id}>
                      {`${f.name} · ${formatNumber(f.total)} contact${f.total === 1 ? '' : 's'}`}
                    </option>
                  ))}
                </SelectField>
                <p className="text-xs text-gray-500">
                  {savedFilters.data && !savedFilters.data.length ? (
                    <>
                      No saved filter yet: filter the <Link to="/contacts" className="underline">contacts</Link> and choose “Save filter”.
                    </>
                  ) : (
                    'Resolved to contacts when the draft is saved; the campaign remembers the filter.'
                  )}
                </p>
              </div>
            ) : mode === 'pick' ? (
              <div className="space-y-2">
                <SearchPicker
                  label="Add a contact"
                  placeholder="Search contacts…"
                  query={contactText}
                  onQueryChange={setContactText}
                  options={(contacts.data ?? [])
                    .filter((c) => !picked.some((p) => p.id === c.id))
                    .map((c) => ({ id: c.id, label: c.name, description: [c.email, c.company_name].filter(Boolean).join(' · ') || null }))}
                  loading={contacts.isFetching}
                  selected={null}
                  onSelect={(o) => {
                    setPicked((p) => [...p, o]);
                    setContactText('');
                  }}
                  onClear={() => undefined}
                  emptyText="No contact matches."
                />
                {picked.length ? (
                  <ul aria-label="Picked contacts" className="flex flex-wrap gap-1.5">
                    {picked.map((p) => (
                      <li key={p.id}>
                        <Chip onRemove={() => setPicked((all) => all.filter((x) => x.id !== p.id))} removeLabel={`Remove ${p.label}`}>
                          {p.label}
                        </Chip>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <p className="text-sm font-medium text-gray-900" aria-live="polite" data-testid="audience-count">
              {audienceSize === null ? 'Counting…' : `${formatNumber(audienceSize)} contact${audienceSize === 1 ? '' : 's'}`}
              {mode !== 'keep' && preview.data && audienceSize ? ` · ${formatNumber(preview.data.eligible)} eligible now` : ''}
            </p>
            {mode !== 'keep' && audienceSize && excludedWords.length ? (
              <p className="text-xs text-gray-600" data-testid="audience-excluded">
                Excluded: {excludedWords.join(', ')}.
              </p>
            ) : null}
            {errors.contact_ids ? <p className="text-sm text-red-700">{errors.contact_ids}</p> : null}
          </div>
        </Card>

        <Card role="region" aria-labelledby="steps-heading">
          <CardHeader
            id="steps-heading"
            title="Steps"
            description="Each step sends a template after a delay. A reply, a booking, an unsubscribe or a hard bounce stops the contact's sequence."
          />
          <ol className="space-y-3 p-5">
            {steps.map((s, i) => (
              <li key={i} aria-label={`Step ${i + 1}`} className="grid items-start gap-3 rounded-lg bg-gray-50 p-3 ring-1 ring-gray-200 ring-inset sm:grid-cols-[2fr_1fr_auto_auto_auto]">
                <SelectField label={`Step ${i + 1} template`} value={s.template_id} error={errors[`step-${i}`]} onChange={(e) => setStep(i, { template_id: e.target.value })}>
                  <option value="">Pick a template…</option>
                  {(templates.data ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={i === 0 ? 'Delay after start (days)' : 'Delay after the previous step (days)'}
                  inputMode="decimal"
                  value={s.delay_days}
                  onChange={(e) => setStep(i, { delay_days: e.target.value })}
                />
                <Checkbox className="sm:mt-7" label="Business days" checked={s.business_days} onChange={(e) => setStep(i, { business_days: e.target.checked })} />
                <Checkbox
                  className="sm:mt-7"
                  label="AI opening line"
                  title="A personal first line per contact, from their website, for {{ ai_line }}; reviewed before start."
                  checked={s.ai_line}
                  onChange={(e) => setStep(i, { ai_line: e.target.checked })}
                />
                <Button
                  variant="ghost"
                  className="sm:mt-6"
                  icon={<TrashIcon className="size-4" />}
                  aria-label={`Remove step ${i + 1}`}
                  disabled={steps.length === 1}
                  onClick={() => setSteps((rows) => rows.filter((_, j) => j !== i))}
                />
                <StepVariants
                  className="sm:col-span-5"
                  index={i}
                  step={s}
                  templates={templates.data ?? []}
                  errors={errors}
                  onChange={(patch) => setStep(i, patch)}
                />
              </li>
            ))}
            <li>
              <Button variant="secondary" size="sm" icon={<PlusIcon className="size-4" />} disabled={steps.length >= 20} onClick={() => setSteps((rows) => [...rows, newStep('3', true)])}>
                Add step
              </Button>
              {templates.data && !templates.data.length ? (
                <p className="mt-2 text-sm text-gray-600">
                  No template yet: <Link to="/templates/new" className="font-medium text-accent-700 hover:underline">write one first</Link>.
                </p>
              ) : null}
            </li>
          </ol>
        </Card>

        <Card role="region" aria-labelledby="sending-heading">
          <CardHeader id="sending-heading" title="Sending" description="Mailboxes take turns; each keeps its own cap, gap and window." />
          <div className="space-y-5 p-5">
            <fieldset>
              <legend className="text-sm font-medium text-gray-900">Mailboxes</legend>
              <div className="mt-2 space-y-2">
                {(mailboxes.data ?? []).map((m) => (
                  <Checkbox
                    key={m.id}
                    label={`${m.name} (${m.from_email})${m.kind === 'catcher' ? ' · Local catcher' : ''}`}
                    hint={m.paused_reason ? `Paused: ${m.paused_reason}` : undefined}
                    checked={mailboxIds.includes(m.id)}
                    onChange={(e) => setMailboxIds((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
                  />
                ))}
                {mailboxes.data && !mailboxes.data.length ? (
                  <p className="text-sm text-gray-600">
                    No mailbox yet: <Link to="/mailboxes" className="font-medium text-accent-700 hover:underline">add one</Link>.
                  </p>
                ) : null}
              </div>
              {errors.mailbox_ids ? <p className="mt-1 text-sm text-red-700">{errors.mailbox_ids}</p> : null}
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-gray-900">Schedule</legend>
              <Checkbox label="Only inside a sending window" hint="In each contact's time zone (from their company's country). Otherwise any time." checked={windowOn} onChange={(e) => setWindowOn(e.target.checked)} />
              {windowOn ? (
                <div className="space-y-2 pl-6">
                  <div role="group" aria-label="Sending days" className="flex flex-wrap gap-3">
                    {WEEKDAYS.map((d, i) => (
                      <Checkbox
                        key={d}
                        label={d}
                        checked={sendWindow.weekdays.includes(i)}
                        onChange={(e) => setSendWindow((w) => ({ ...w, weekdays: e.target.checked ? [...w.weekdays, i].sort() : w.weekdays.filter((x) => x !== i) }))}
                      />
                    ))}
                  </div>
                  <div className="grid max-w-xs grid-cols-2 gap-3">
                    <TextField label="From" type="time" value={sendWindow.start} onChange={(e) => setSendWindow((w) => ({ ...w, start: e.target.value }))} />
                    <TextField label="Until" type="time" value={sendWindow.end} onChange={(e) => setSendWindow((w) => ({ ...w, end: e.target.value }))} />
                  </div>
                  {errors.send_window ? <p className="text-sm text-red-700">{errors.send_window}</p> : null}
                </div>
              ) : null}
            </fieldset>
            <SelectField
              label="Booking page"
              hint="{{ booking_url }} becomes each lead's personal link to this page, so a booking knows the contact and the campaign; interested replies get a draft offering its next free times. Without one it is your sender profile's calendar link."
              value={bookingPageId}
              error={errors.booking_page_id}
              onChange={(e) => setBookingPageId(e.target.value)}
            >
              <option value="">None (the sender profile's calendar link)</option>
              {(bookingPages.data ?? []).map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.title} · {p.host_name} · {p.duration_minutes} min
                </option>
              ))}
            </SelectField>
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-gray-900">Tracking</legend>
              <div className="flex items-center gap-3 text-sm">
                <Switch label="Track opens" checked={trackOpens} onChange={setTrackOpens} />
                <span>Track opens (a pixel; scanners and hits right after sending don't count)</span>
              </div>
              <div className="flex items-center gap-3 text-sm">
                <Switch label="Track clicks" checked={trackClicks} onChange={setTrackClicks} />
                <span>Track clicks (links go through a signed redirect)</span>
              </div>
            </fieldset>
          </div>
        </Card>

        <div className="flex gap-2">
          <GuardedButton type="submit" reason={gate.reason} loading={save.isPending || resolving}>
            {campaign ? 'Save draft' : 'Create draft'}
          </GuardedButton>
          <Button variant="ghost" onClick={() => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
