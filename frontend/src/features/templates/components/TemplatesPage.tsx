import { useRef, useState } from 'react';
import { Button, Card, CardHeader, InfoIcon, PageHeader, RefreshIcon, TextAreaField, TextField } from '@/components/ui';
import { PLACEHOLDERS } from '../api';
import { AiAssistantPanel, type Draft } from './AiAssistantPanel';

const SUBJECT_MAX = 300;
const BODY_MAX = 20_000;

type Version = Draft & { label: string };

/**
 * A minimal template editor: subject and body live in this component's state (nothing is stored
 * yet), with an AI assistant beside it. Every AI change can be undone, one step at a time.
 */
export function TemplatesPage() {
  const [draft, setDraft] = useState<Draft>({ subject: '', body: '' });
  const [history, setHistory] = useState<Version[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');

  function applyAi(next: Draft, label: string) {
    setHistory((h) => [...h.slice(-19), { ...draft, label }]);
    setDraft(next);
    setAnnouncement(`${label}: the subject and body were replaced. Undo restores the previous version.`);
  }

  function undo() {
    const prev = history.at(-1);
    if (!prev) return;
    setHistory((h) => h.slice(0, -1));
    setDraft({ subject: prev.subject, body: prev.body });
    setAnnouncement(`Undone: ${prev.label}. The previous version is back.`);
  }

  function insertPlaceholder(name: string) {
    const token = `{{${name}}}`;
    const field = lastField.current;
    const el = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = draft[field];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    setDraft((d) => ({ ...d, [field]: next }));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const lastChange = history.at(-1);

  return (
    <>
      <PageHeader title="Templates" description="Write a reusable e-mail with placeholders — and let AI draft it, tighten it or make it more personal." />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader
            title="Template"
            description="Plain text. Placeholders are filled per recipient when the e-mail is sent."
            actions={
              <Button
                variant="secondary"
                size="sm"
                icon={<RefreshIcon className="size-4 -scale-x-100" />}
                disabled={!lastChange}
                onClick={undo}
                title={lastChange ? `Undo ${lastChange.label}` : 'Nothing to undo'}
              >
                Undo{lastChange ? ` ${lastChange.label}` : ''}
              </Button>
            }
          />
          <div className="space-y-4 p-5">
            <TextField
              ref={subjectRef}
              label="Subject"
              value={draft.subject}
              maxLength={SUBJECT_MAX}
              onChange={(e) => setDraft((d) => ({ ...d, subject: e.target.value }))}
              onFocus={() => (lastField.current = 'subject')}
              placeholder="Quick question about {{company}}"
            />
            <TextAreaField
              ref={bodyRef}
              label="Body"
              rows={14}
              value={draft.body}
              maxLength={BODY_MAX}
              onChange={(e) => setDraft((d) => ({ ...d, body: e.target.value }))}
              onFocus={() => (lastField.current = 'body')}
              placeholder={'Hi {{first_name}},\n\n…'}
              className="[&_textarea]:font-mono [&_textarea]:leading-6"
            />
            <div>
              <p className="text-xs font-medium text-gray-700" id="placeholders-label">
                Placeholders — click to insert at the cursor
              </p>
              <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-labelledby="placeholders-label">
                {PLACEHOLDERS.map((p) => (
                  <li key={p}>
                    <button
                      type="button"
                      onClick={() => insertPlaceholder(p)}
                      className="rounded-md bg-gray-100 px-1.5 py-0.5 font-mono text-xs text-gray-700 ring-1 ring-gray-200 ring-inset hover:bg-accent-50 hover:text-accent-800 focus-visible:outline-2 focus-visible:outline-accent-600"
                    >
                      {`{{${p}}}`}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
            <p className="flex gap-2 rounded-lg bg-gray-50 px-3 py-2 text-xs text-gray-600 ring-1 ring-gray-200 ring-inset">
              <InfoIcon className="mt-px size-3.5 shrink-0 text-gray-400" />
              <span>
                Drafts stay in this tab for now: saving templates arrives together with campaigns. Copy anything you want to keep before you leave the page.
              </span>
            </p>
          </div>
        </Card>

        <AiAssistantPanel draft={draft} onResult={applyAi} />
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
