import type { ReactNode } from 'react';
import { AiErrorAlert, AiMetaLine, Badge, Button, Card, CardHeader, ExternalLink, MailIcon, PhoneIcon, SparklesIcon, Spinner, XIcon } from '@/components/ui';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import { formatPhone } from '@/lib/phone';
import type { AiPerson, CompanyEnrichResult } from '../api';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

const FIELD_LABELS: Record<string, string> = {
  summary: 'summary',
  industry: 'industry',
  size_estimate: 'size',
  employees: 'employees',
  products_services: 'products and services',
  persons: 'people',
  hook: 'personalisation hook',
  language: 'language',
};
const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f.replace(/_/g, ' ');

/** What grounding removed and what the profile lacks, in words. */
export function groundingNotes(result: CompanyEnrichResult): string[] {
  const g = result.grounding;
  const notes: string[] = [];
  if (g.dropped_emails) notes.push(`${plural(g.dropped_emails, 'invented e-mail', 'invented e-mails')} dropped`);
  if (g.dropped_phones) notes.push(`${plural(g.dropped_phones, 'invented phone number', 'invented phone numbers')} dropped`);
  if (g.dropped_persons) notes.push(`${plural(g.dropped_persons, 'person', 'people')} not found on the website dropped`);
  if (g.stripped_links) notes.push(`${plural(g.stripped_links, 'link', 'links')} not on the website removed`);
  if (g.extractor_wins.length) notes.push(`The website's own data was kept for ${g.extractor_wins.map(fieldLabel).join(', ')}`);
  return notes;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-gray-500">{label}</dt>
      <dd className="min-w-0 text-sm break-words text-gray-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-gray-400">—</span>;

function PersonItem({ person }: { person: AiPerson }) {
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-gray-900">{person.name}</span>
        {person.role ? <span className="text-gray-600">{person.role}</span> : null}
        <Badge tone={person.source === 'crawl' ? 'info' : 'accent'} className="py-0 text-[11px]">
          {person.source === 'crawl' ? 'crawl' : 'AI'}
        </Badge>
      </div>
      {person.email || person.phone ? (
        <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-gray-600">
          {person.email ? (
            <span className="inline-flex items-center gap-1">
              <MailIcon className="size-3.5 text-gray-400" />
              {person.email}
            </span>
          ) : null}
          {person.phone ? (
            <span className="inline-flex items-center gap-1">
              <PhoneIcon className="size-3.5 text-gray-400" />
              {formatPhone(person.phone)}
            </span>
          ) : null}
        </p>
      ) : null}
      {person.source_url ? (
        <p className="mt-0.5 text-xs">
          <span className="text-gray-500">Source: </span>
          <ExternalLink href={person.source_url} icon className="max-w-full">
            {person.source_url}
          </ExternalLink>
        </p>
      ) : null}
    </li>
  );
}

/**
 * The lead profile from the last enrichment: everything is model (or rules) output and shown as
 * text; people link to the page they were found on (http(s) only).
 */
export function AiProfileCard({
  result,
  pending,
  error,
  onDismissError,
}: {
  result: CompanyEnrichResult | undefined;
  pending: boolean;
  error: unknown;
  onDismissError: () => void;
}) {
  const p = result?.profile;
  const notes = result ? groundingNotes(result) : [];
  return (
    <Card role="region" aria-labelledby="ai-profile-heading">
      <CardHeader
        id="ai-profile-heading"
        title={
          <span className="inline-flex items-center gap-1.5">
            <SparklesIcon className="size-4 text-violet-600" />
            AI profile
          </span>
        }
        description={result ? `From ${result.url}` : 'Reading the website and writing a profile…'}
      />
      <div className="space-y-4 p-5" aria-live="polite" aria-busy={pending || undefined}>
        {pending ? (
          <p className="flex items-center gap-2 text-sm text-gray-600">
            <Spinner decorative />
            Enriching — crawling the website and asking the model. This can take a minute.
          </p>
        ) : null}
        {error && !pending ? (
          <AiErrorAlert
            error={error}
            actions={
              <Button size="sm" variant="secondary" icon={<XIcon className="size-4" />} onClick={onDismissError}>
                Dismiss
              </Button>
            }
          />
        ) : null}
        {result && p ? (
          <div className={cn(pending && 'opacity-60')}>
            <AiMetaLine meta={result.ai} />
            <dl className="mt-2 divide-y divide-gray-100">
              <Row label="Summary">{p.summary ? <span className="whitespace-pre-wrap">{p.summary}</span> : none}</Row>
              <Row label="Industry">{p.industry || none}</Row>
              <Row label="Size">{p.size_estimate ? `${p.size_estimate} employees` : none}</Row>
              <Row label="Products & services">
                {p.products_services.length ? (
                  <ul className="list-disc space-y-0.5 pl-4">
                    {p.products_services.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </Row>
              <Row label="Personalisation hook">{p.hook ? <q className="italic">{p.hook}</q> : none}</Row>
              <Row label="Language">{p.language ? p.language.toUpperCase() : none}</Row>
              <Row label={`People found (${p.persons.length})`}>
                {p.persons.length ? (
                  <ul className="-my-2 divide-y divide-gray-100" aria-label="People found">
                    {p.persons.map((person, i) => (
                      <PersonItem key={`${person.name}-${i}`} person={person} />
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </Row>
            </dl>

            <div className="mt-3 space-y-2 rounded-lg bg-gray-50 px-3.5 py-3 text-xs text-gray-700 ring-1 ring-gray-200 ring-inset">
              <p>
                {result.updated_fields.length
                  ? `Saved to the company: ${result.updated_fields.map(fieldLabel).join(', ')}.`
                  : 'No company field changed (facts people entered, imported or crawled are never overwritten).'}
                {result.contacts_created || result.contacts_updated
                  ? ` Contacts: ${formatNumber(result.contacts_created)} added, ${formatNumber(result.contacts_updated)} updated.`
                  : ''}
              </p>
              {notes.length ? (
                <div>
                  <p className="font-medium text-gray-800">Grounding</p>
                  <ul className="list-disc pl-4" aria-label="Grounding notes">
                    {notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                  {result.grounding.dropped.length ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-gray-600 hover:text-gray-900">Show what was dropped</summary>
                      <ul className="mt-1 space-y-0.5 pl-4 font-mono break-all">
                        {result.grounding.dropped.map((d, i) => (
                          <li key={i}>{d}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </div>
              ) : (
                <p>Grounding: nothing had to be dropped — every address and name was found on the website.</p>
              )}
              {result.missing.length ? <p>Not found on the website: {result.missing.map(fieldLabel).join(', ')}.</p> : null}
              {result.warnings.length ? (
                <ul className="list-disc pl-4 text-amber-800" aria-label="Warnings">
                  {result.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
