import { useState } from 'react';
import { Alert, Card, CardHeader, SearchPicker, Spinner, type PickerOption } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { templateLineErrors, type EmailTemplate } from '../api';
import { useContactSearch } from '../hooks/useTemplateAi';
import { useTemplatePreview } from '../hooks/useTemplates';

/** The saved template rendered for one real contact: subject, HTML (sandboxed), text, and what came out empty. */
export function PreviewPanel({ template, unsaved }: { template: EmailTemplate | null; unsaved: boolean }) {
  const [contactText, setContactText] = useState('');
  const [contact, setContact] = useState<PickerOption | null>(null);
  const contacts = useContactSearch(contactText, null, contact === null);
  const preview = useTemplatePreview(template?.id ?? null, template?.updated_at, contact?.id ?? null);
  const lineErrors = preview.isError ? templateLineErrors(preview.error) : [];
  const data = preview.data;

  return (
    <Card role="region" aria-labelledby="preview-heading">
      <CardHeader id="preview-heading" title="Preview" description="Rendered for a real contact with their company, AI profile and your sender details." actions={preview.isFetching ? <Spinner label="Rendering" /> : null} />
      <div className="space-y-4 p-5">
        <SearchPicker
          label="Preview as"
          placeholder="Search contacts…"
          query={contactText}
          onQueryChange={setContactText}
          options={(contacts.data ?? []).map((c) => ({ id: c.id, label: c.name, description: [c.email, c.company_name].filter(Boolean).join(' · ') || null }))}
          loading={contacts.isFetching}
          error={contacts.isError ? errorMessage(contacts.error) : null}
          selected={contact}
          onSelect={(o) => {
            setContact(o);
            setContactText('');
          }}
          onClear={() => setContact(null)}
          emptyText="No contact matches."
        />
        {!template ? (
          <p className="text-sm text-gray-500">Save the template to preview it.</p>
        ) : !contact ? (
          <p className="text-sm text-gray-500">Pick a contact to see the e-mail they would get.</p>
        ) : unsaved ? (
          <p className="text-sm text-amber-800">The preview shows the saved version: save to see your changes.</p>
        ) : null}
        {contact && preview.isError ? (
          <Alert tone="error" title="This template does not render">
            {lineErrors.length ? (
              <ul>
                {lineErrors.map((e, i) => (
                  <li key={i}>
                    {e.field}
                    {e.line ? `, line ${e.line}` : ''}: {e.message}
                  </li>
                ))}
              </ul>
            ) : (
              errorMessage(preview.error)
            )}
            {preview.error instanceof ApiError && preview.error.status === 404 ? ' (the contact may have been deleted)' : null}
          </Alert>
        ) : null}
        {contact && data && !preview.isError ? (
          <div className="space-y-3" aria-label="Rendered e-mail">
            {data.empty_variables.length ? (
              <Alert tone="warning" title="Empty for this contact">
                {data.empty_variables.join(', ')} would render empty. Add a default, e.g. {"{{ contact.first_name | default('there') }}"}.
              </Alert>
            ) : null}
            <p className="text-sm">
              <span className="text-gray-500">Subject: </span>
              <span data-testid="preview-subject" className="font-medium text-gray-900">
                {data.subject}
              </span>
            </p>
            {data.html ? <iframe title="Preview HTML" sandbox="" srcDoc={data.html} className="h-72 w-full rounded-lg bg-white ring-1 ring-gray-200" /> : null}
            <details open={!data.html}>
              <summary className="cursor-pointer text-sm font-medium text-gray-700">Text part</summary>
              <pre data-testid="preview-text" className="mt-2 max-h-72 overflow-auto rounded-lg bg-gray-50 p-3 font-mono text-xs whitespace-pre-wrap text-gray-800 ring-1 ring-gray-200">
                {data.text}
              </pre>
            </details>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
