import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  BackLink,
  Button,
  Card,
  CardHeader,
  ConfirmDeleteDialog,
  RecordLoadError,
  RecordNotFound,
  RefreshIcon,
  SelectField,
  Skeleton,
  TemplateIcon,
  TextAreaField,
  TextField,
  TrashIcon,
  useToast,
} from '@/components/ui';
import { ApiError, errorMessage, isNotFound } from '@/lib/api/problem';
import { useAuth } from '@/lib/auth';
import { useRouteId } from '@/lib/useRouteId';
import { REGISTERS, templateLineErrors, type EmailTemplate, type Register, type TemplateField, type TemplateLineError } from '../api';
import { useDeleteTemplate, useSaveTemplate, useTemplate } from '../hooks/useTemplates';
import { AiAssistantPanel, type Draft } from './AiAssistantPanel';
import { htmlToText, lineRange, textToHtml } from './bodies';
import { PreviewPanel } from './PreviewPanel';
import { VariablesPanel } from './VariablesPanel';

const backLink = <BackLink to="/templates">Templates</BackLink>;

export type TemplateForm = { name: string; subject: string; body_html: string; body_text: string; register: Register };
type Version = TemplateForm & { label: string };
type Editable = Exclude<TemplateField, 'name'>;

const formOf = (t: EmailTemplate | null): TemplateForm => ({
  name: t?.name ?? '',
  subject: t?.subject ?? '',
  body_html: t?.body_html ?? '',
  body_text: t?.body_text ?? '',
  register: t?.register ?? 'formal',
});

/** /templates/new */
export function NewTemplatePage() {
  return <TemplateEditor template={null} />;
}

/** /templates/:templateId */
export function TemplateEditorPage() {
  const id = useRouteId('templateId');
  const query = useTemplate(id || null);
  if (!id || isNotFound(query.error)) {
    return (
      <RecordNotFound back={backLink} icon={<TemplateIcon />} title="Template not found" description="It may have been deleted." action={{ to: '/templates', label: 'Back to templates' }} />
    );
  }
  if (query.isLoading) return <Skeleton className="h-96 w-full" />;
  if (!query.data) return <RecordLoadError back={backLink} title="Couldn't load the template" query={query} />;
  return <TemplateEditor key={query.data.id} template={query.data} />;
}

function TemplateEditor({ template: loaded }: { template: EmailTemplate | null }) {
  const [template, setTemplate] = useState(loaded);
  const { hasRole } = useAuth();
  // The demo account drafts templates too (services/kit/policy.py); the next reset wipes them.
  const canWrite = hasRole('admin', 'sales', 'demo');
  const navigate = useNavigate();
  const { toast } = useToast();
  const save = useSaveTemplate(template?.id ?? null);
  const remove = useDeleteTemplate();
  const [form, setForm] = useState<TemplateForm>(formOf(template));
  const [saved, setSaved] = useState<TemplateForm>(formOf(template));
  const [history, setHistory] = useState<Version[]>([]);
  const [lineErrors, setLineErrors] = useState<TemplateLineError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const refs = {
    subject: useRef<HTMLInputElement>(null),
    body_html: useRef<HTMLTextAreaElement>(null),
    body_text: useRef<HTMLTextAreaElement>(null),
  };
  const lastField = useRef<Editable>('body_html');
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function set(field: keyof TemplateForm, value: string) {
    setForm((f) => ({ ...f, [field]: value }));
    setLineErrors((errs) => errs.filter((e) => e.field !== field));
  }

  function insertVariable(path: string) {
    const token = `{{ ${path} }}`;
    const field = lastField.current;
    const el = refs[field].current;
    const value = form[field];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    set(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  function goToLine(e: TemplateLineError) {
    if (e.field === 'name') return;
    const el = refs[e.field].current;
    if (!el) return;
    el.focus();
    if (e.line) el.setSelectionRange(...lineRange(form[e.field], e.line));
  }

  // The assistant works on plain text: the text body, or the HTML read as text when only HTML is written.
  const draft: Draft = { subject: form.subject, body: form.body_text || htmlToText(form.body_html) };
  function applyAi(next: Draft, label: string) {
    setHistory((h) => [...h.slice(-19), { ...form, label }]);
    setForm((f) => ({ ...f, subject: next.subject, body_text: next.body, body_html: textToHtml(next.body) }));
    setAnnouncement(`${label}: the subject and both bodies were replaced. Undo restores the previous version.`);
  }
  function undo() {
    const prev = history.at(-1);
    if (!prev) return;
    setHistory((h) => h.slice(0, -1));
    const { label, ...rest } = prev;
    setForm(rest);
    setAnnouncement(`Undone: ${label}. The previous version is back.`);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const missing: TemplateLineError[] = [];
    if (!form.name.trim()) missing.push({ field: 'name', line: null, message: 'Give the template a name.' });
    if (!form.subject.trim()) missing.push({ field: 'subject', line: null, message: 'Write a subject.' });
    if (!form.body_html.trim() && !form.body_text.trim()) missing.push({ field: 'body_html', line: null, message: 'Write an HTML or a text body.' });
    if (missing.length) {
      setLineErrors(missing);
      return;
    }
    try {
      const result = await save.mutateAsync({
        name: form.name.trim(),
        subject: form.subject,
        body_html: form.body_html.trim() ? form.body_html : null,
        body_text: form.body_text.trim() ? form.body_text : null,
        register: form.register,
      });
      setSaved(form);
      setTemplate(result);
      setLineErrors([]);
      toast({ tone: 'success', title: 'Template saved', description: result.name });
      if (!loaded) navigate(`/templates/${result.id}`, { replace: true });
    } catch (err) {
      const lines = templateLineErrors(err);
      setLineErrors(lines);
      if (!lines.length || !(err instanceof ApiError)) setFormError(errorMessage(err));
      const first = lines[0];
      if (first) goToLine(first);
    }
  }

  const errorsFor = (field: TemplateField) => lineErrors.filter((e) => e.field === field);
  const fieldError = (field: TemplateField) => {
    const errs = errorsFor(field);
    return errs.length ? errs.map((e) => (e.line ? `Line ${e.line}: ${e.message}` : e.message)).join(' ') : undefined;
  };
  const lastChange = history.at(-1);

  return (
    <>
      {backLink}
      <header className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{template ? template.name : 'New template'}</h1>
          <p className="text-sm text-gray-600">Jinja variables such as {'{{ contact.first_name }}'} are filled per contact; {"{{ company.city | default('your city') }}"} covers gaps.</p>
        </div>
        <div className="flex gap-2">
          {template ? (
            <Button variant="ghost" icon={<TrashIcon className="size-4" />} disabled={!canWrite} onClick={() => setConfirmDelete(true)}>
              Delete
            </Button>
          ) : null}
          <Button type="submit" form="template-form" loading={save.isPending} disabled={!canWrite || (!dirty && !!template)}>
            Save template
          </Button>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Template"
              description="The text body is made from the HTML when you leave it empty."
              actions={
                <Button variant="secondary" size="sm" icon={<RefreshIcon className="size-4 -scale-x-100" />} disabled={!lastChange} onClick={undo} title={lastChange ? `Undo ${lastChange.label}` : 'Nothing to undo'}>
                  Undo{lastChange ? ` ${lastChange.label}` : ''}
                </Button>
              }
            />
            <form id="template-form" noValidate onSubmit={onSubmit} className="space-y-4 p-5">
              {formError ? (
                <div role="alert" className="rounded-lg bg-red-50 px-3.5 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
                  {formError}
                </div>
              ) : null}
              <TextField label="Name" value={form.name} maxLength={200} error={fieldError('name')} onChange={(e) => set('name', e.target.value)} placeholder="First touch" />
              <TextField
                ref={refs.subject}
                label="Subject"
                value={form.subject}
                maxLength={1000}
                error={fieldError('subject')}
                onChange={(e) => set('subject', e.target.value)}
                onFocus={() => (lastField.current = 'subject')}
                placeholder="Quick question about {{ company.name }}"
              />
              <BodyField field="body_html" label="HTML body" rows={12} inputRef={refs.body_html} value={form.body_html} errors={errorsFor('body_html')} onChange={(v) => set('body_html', v)} onFocus={() => (lastField.current = 'body_html')} onGoTo={goToLine} />
              <BodyField field="body_text" label="Text body" rows={8} inputRef={refs.body_text} value={form.body_text} errors={errorsFor('body_text')} onChange={(v) => set('body_text', v)} onFocus={() => (lastField.current = 'body_text')} onGoTo={goToLine} hint="Optional: generated from the HTML when empty." />
              <SelectField label="Salutation register" value={form.register} onChange={(e) => set('register', e.target.value as Register)} hint="What {{ salutation }} writes for each contact.">
                {REGISTERS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </SelectField>
            </form>
          </Card>
          <PreviewPanel template={template} unsaved={dirty} />
        </div>
        <div className="space-y-6">
          <VariablesPanel onInsert={insertVariable} />
          <AiAssistantPanel draft={draft} onResult={applyAi} />
        </div>
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {template ? (
        <ConfirmDeleteDialog
          open={confirmDelete}
          name={template.name}
          kind="template"
          description="Campaign steps that use it keep what they already sent."
          pending={remove.isPending}
          onDelete={() => remove.mutateAsync(template.id)}
          onDeleted={() => navigate('/templates')}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </>
  );
}

function BodyField({
  field,
  label,
  rows,
  value,
  errors,
  hint,
  inputRef,
  onChange,
  onFocus,
  onGoTo,
}: {
  field: Editable;
  label: string;
  rows: number;
  value: string;
  errors: TemplateLineError[];
  hint?: string;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
  onChange: (v: string) => void;
  onFocus: () => void;
  onGoTo: (e: TemplateLineError) => void;
}) {
  return (
    <div>
      <TextAreaField
        ref={inputRef}
        label={label}
        rows={rows}
        value={value}
        hint={hint}
        invalid={errors.length > 0}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        className="[&_textarea]:font-mono [&_textarea]:text-xs [&_textarea]:leading-5"
        aria-describedby={errors.length ? `${field}-line-errors` : undefined}
      />
      {errors.length ? (
        <ul id={`${field}-line-errors`} role="alert" className="mt-1 space-y-1 text-sm text-red-700">
          {errors.map((e, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2">
              <span>{e.line ? `Line ${e.line}: ${e.message}` : e.message}</span>
              {e.line ? (
                <button type="button" className="text-xs font-medium underline" onClick={() => onGoTo(e)}>
                  Go to line {e.line}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
