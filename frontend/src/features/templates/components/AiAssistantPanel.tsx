import { useState } from 'react';
import {
  AI_DEMO_NOTE,
  AiBadge,
  AiErrorAlert,
  AiMetaLine,
  Button,
  Card,
  CardHeader,
  Checkbox,
  SearchPicker,
  SelectField,
  SparklesIcon,
  TextAreaField,
  type PickerOption,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import { LANGUAGES, LENGTHS, REGISTERS, TONES, type EmailResult, type ImproveAction, type Length, type Register, type Tone } from '../api';
import { useAiProvider, useAiWrite, useCompanySearch, useContactSearch, type AiRequest } from '../hooks/useTemplateAi';
import { DisabledReason, useDemo } from '@/lib/demo';

export type Draft = { subject: string; body: string };
type Action = 'write' | ImproveAction;
type PickedCompany = PickerOption & { language: string | null };

const ACTION_LABELS: Record<Action, string> = {
  write: 'Write',
  improve: 'Improve',
  shorter: 'Shorter',
  more_personal: 'More personal',
  fix_grammar: 'Fix grammar',
};

const IMPROVE_ACTIONS: ImproveAction[] = ['improve', 'shorter', 'more_personal', 'fix_grammar'];

/**
 * The AI side of the template editor: an instruction, tone/length/language and an optional
 * recipient; Write makes a new draft, the other buttons rework the current one. Results replace
 * the editor's subject and body (the editor keeps the undo history).
 */
export function AiAssistantPanel({ draft, onResult }: { draft: Draft; onResult: (next: Draft, label: string) => void }) {
  const { hasRole } = useAuth();
  const canUseAi = hasRole('admin', 'sales');
  const provider = useAiProvider();
  const run = useAiWrite();
  const [pending, setPending] = useState<Action | null>(null);
  const [last, setLast] = useState<{ result: EmailResult; action: Action } | null>(null);

  const [instruction, setInstruction] = useState('');
  const [tone, setTone] = useState<Tone | ''>('');
  const [length, setLength] = useState<Length>('medium');
  const [language, setLanguage] = useState('');
  const [register, setRegister] = useState<Register | ''>('');
  const [fromDraft, setFromDraft] = useState(false);

  const [companyText, setCompanyText] = useState('');
  const [company, setCompany] = useState<PickedCompany | null>(null);
  const [contactText, setContactText] = useState('');
  const [contact, setContact] = useState<PickerOption | null>(null);
  const companies = useCompanySearch(companyText, company === null);
  const contacts = useContactSearch(contactText, company?.id ?? null, contact === null);

  const hasDraft = Boolean(draft.subject.trim() || draft.body.trim());
  const hasBody = Boolean(draft.body.trim());

  async function go(action: Action) {
    let req: AiRequest;
    if (action === 'write') {
      const lang = language || (company?.language && /^[a-z]{2}$/i.test(company.language) ? company.language.toLowerCase() : 'en');
      req = {
        kind: 'write',
        body: {
          instruction: instruction.trim(),
          tone: tone || 'friendly',
          length,
          language: lang,
          register: register || 'formal',
          ...(fromDraft && hasDraft ? { template: { subject: draft.subject, body: draft.body } } : {}),
          ...(company ? { company_id: company.id } : {}),
          ...(contact ? { contact_id: contact.id } : {}),
        },
      };
    } else {
      req = {
        kind: 'improve',
        body: {
          subject: draft.subject,
          body: draft.body,
          action,
          instruction: instruction.trim(),
          ...(tone ? { tone } : {}),
          ...(language ? { language } : {}),
          ...(register ? { register } : {}),
          ...(company ? { company_id: company.id } : {}),
          ...(contact ? { contact_id: contact.id } : {}),
        },
      };
    }
    setPending(action);
    try {
      const result = await run.mutateAsync(req);
      setLast({ result, action });
      onResult({ subject: result.subject, body: result.body }, ACTION_LABELS[action]);
    } catch {
      setLast(null);
    } finally {
      setPending(null);
    }
  }

  const busy = pending !== null;
  const disabledReason = useDemo().reason('ai') ?? (!canUseAi ? AI_DEMO_NOTE : null);

  return (
    <Card role="region" aria-labelledby="ai-assistant-heading">
      <CardHeader
        id="ai-assistant-heading"
        title={
          <span className="inline-flex items-center gap-1.5">
            <SparklesIcon className="size-4 text-violet-600" />
            AI assistant
          </span>
        }
        description="Drafts are model output: read them before you use them."
        actions={provider.data ? <AiBadge isAi={provider.data.is_ai} model={provider.data.model} /> : null}
      />
      <div className="space-y-4 p-5">
        <TextAreaField
          label="Instruction"
          rows={3}
          maxLength={2000}
          value={instruction}
          onChange={(e) => setInstruction(e.target.value)}
          placeholder="e.g. Introduce our bookkeeping software to tax advisors and ask for a 15-minute call."
          hint="What to write, or how to change the draft."
        />
        {/* Two by two: the panel is a side column, too narrow for four selects on one row ("Automatic" read "Aut"). */}
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Tone" value={tone} onChange={(e) => setTone(e.target.value as Tone | '')}>
            <option value="">Automatic</option>
            {TONES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Length" value={length} onChange={(e) => setLength(e.target.value as Length)}>
            {LENGTHS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">Automatic</option>
            {LANGUAGES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Register" value={register} onChange={(e) => setRegister(e.target.value as Register | '')}>
            <option value="">Automatic</option>
            {REGISTERS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="-mt-2 text-xs text-gray-500">
          Automatic keeps the draft's tone, language and register (Sie or du) when reworking it; a new e-mail is friendly, formal and in the company's language (else English). The register decides the greeting: "Sehr geehrter Herr Dr. Bergmann," or "Hallo Klaus,". Length applies to Write.
        </p>

        <SearchPicker
          label="Company (optional)"
          placeholder="Search companies…"
          query={companyText}
          onQueryChange={setCompanyText}
          options={(companies.data ?? []).map((c) => ({ id: c.id, label: c.name, description: [c.domain, c.city].filter(Boolean).join(' · ') || null }))}
          loading={companies.isFetching}
          error={companies.isError ? errorMessage(companies.error) : null}
          selected={company}
          onSelect={(o) => {
            const c = companies.data?.find((x) => x.id === o.id);
            setCompany({ ...o, language: c?.language ?? null });
            setCompanyText('');
          }}
          onClear={() => setCompany(null)}
          emptyText="No company matches."
          hint="Write uses what we know about the company."
        />
        <SearchPicker
          label="Contact (optional)"
          placeholder={company ? `Search contacts at ${company.label}…` : 'Search contacts…'}
          query={contactText}
          onQueryChange={setContactText}
          options={(contacts.data ?? []).map((c) => ({
            id: c.id,
            label: c.name,
            description: [c.role, c.email, c.company_name].filter(Boolean).join(' · ') || null,
          }))}
          loading={contacts.isFetching}
          error={contacts.isError ? errorMessage(contacts.error) : null}
          selected={contact}
          onSelect={(o) => {
            setContact(o);
            setContactText('');
          }}
          onClear={() => setContact(null)}
          emptyText="No contact matches."
          hint="With a contact, placeholders are filled with their details — right for a preview, not for a reusable template."
        />

        <Checkbox
          label="Start from the current draft"
          hint="Write uses the subject and body as its template."
          checked={fromDraft && hasDraft}
          disabled={!hasDraft}
          onChange={(e) => setFromDraft(e.target.checked)}
        />

        <div className="space-y-2 border-t border-gray-100 pt-4">
          <div className="flex flex-wrap gap-2">
            <DisabledReason reason={disabledReason}>
              <Button icon={<SparklesIcon className="size-4" />} loading={pending === 'write'} disabled={busy} onClick={() => void go('write')}>
                Write
              </Button>
            </DisabledReason>
            {IMPROVE_ACTIONS.map((a) => (
              <DisabledReason key={a} reason={disabledReason}>
                <Button
                  variant="secondary"
                  loading={pending === a}
                  disabled={busy || !hasBody}
                  aria-describedby={!hasBody ? 'ai-assistant-body-note' : undefined}
                  onClick={() => void go(a)}
                >
                  {ACTION_LABELS[a]}
                </Button>
              </DisabledReason>
            ))}
          </div>
          {disabledReason ? null : !hasBody ? (
            <p id="ai-assistant-body-note" className="text-xs text-gray-500">
              Improve, Shorter, More personal and Fix grammar need a body to work on.
            </p>
          ) : null}
        </div>

        <div aria-live="polite" className="space-y-3">
          {busy ? <p className="text-sm text-gray-600">{pending === 'write' ? 'Writing…' : `${ACTION_LABELS[pending]}: reworking the draft…`}</p> : null}
          {run.isError && !busy ? <AiErrorAlert error={run.error} /> : null}
          {last && !busy && !run.isError ? (
            <div className="space-y-2 rounded-lg bg-gray-50 px-3.5 py-3 ring-1 ring-gray-200 ring-inset">
              <p className="text-sm text-gray-800">
                <span className="font-medium">{ACTION_LABELS[last.action]}</span> replaced the subject and body.
              </p>
              <AiMetaLine meta={last.result.ai} />
              {last.result.warnings.length ? (
                <ul className="list-disc space-y-0.5 pl-4 text-xs text-amber-800" aria-label="Warnings">
                  {last.result.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
