import { Card, CardHeader, EditableField, EvidenceSource, evidenceFor, ExternalLink } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { formatPhone } from '@/lib/phone';
import type { CompanyRead, CompanyUpdate } from '../api';
import { splitList } from './listInput';

type FactField = Exclude<keyof CompanyUpdate & keyof CompanyRead, 'status' | 'tags'>;
type Fact = { field: FactField; label: string; kind?: 'list' | 'multiline' | 'country' | 'url'; hint?: string };

export const FACTS: Fact[] = [
  { field: 'name', label: 'Name' },
  { field: 'website', label: 'Website', kind: 'url' },
  { field: 'legal_form', label: 'Legal form' },
  { field: 'street', label: 'Street' },
  { field: 'postal_code', label: 'Postal code' },
  { field: 'city', label: 'City' },
  { field: 'country', label: 'Country', kind: 'country', hint: 'Two-letter code, e.g. DE.' },
  { field: 'emails', label: 'E-mails', kind: 'list', hint: 'Separate several with commas.' },
  { field: 'phones', label: 'Phones', kind: 'list', hint: 'Separate several with commas.' },
  { field: 'fax', label: 'Fax' },
  { field: 'register_court', label: 'Register court' },
  { field: 'register_number', label: 'Register number' },
  { field: 'vat_id', label: 'VAT ID' },
  { field: 'industry', label: 'Industry' },
  { field: 'employees', label: 'Employees' },
  { field: 'language', label: 'Language' },
  { field: 'summary', label: 'Summary', kind: 'multiline' },
];

function currentText(company: CompanyRead, fact: Fact): string {
  const v = company[fact.field];
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : '';
}

export function FactsCard({
  company,
  canEdit,
  save,
}: {
  company: CompanyRead;
  canEdit: boolean;
  save: (patch: CompanyUpdate) => Promise<unknown>;
}) {
  async function onSave(fact: Fact, raw: string): Promise<string | void> {
    const text = raw.trim();
    let value: string | string[] | null;
    if (fact.kind === 'list') value = splitList(raw);
    else if (fact.kind === 'country') value = text ? text.toUpperCase() : null;
    else value = text || null;
    if (fact.field === 'name' && !value) return 'A company needs a name.';
    if (fact.kind === 'country' && typeof value === 'string' && !/^[A-Z]{2}$/.test(value)) return 'Use the two-letter code, e.g. DE.';
    try {
      await save({ [fact.field]: value } as CompanyUpdate);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) return err.fieldErrors[fact.field] ?? err.message;
      return errorMessage(err);
    }
  }

  const social = Object.entries(company.social ?? {});
  return (
    <Card>
      <CardHeader
        title="Facts"
        description={
          company.crawled_at
            ? 'From the website crawl, imports and manual edits. Each source is linked.'
            : 'Entered by hand or imported. Each source is linked.'
        }
      />
      <dl className="divide-y divide-gray-100 px-5">
        {FACTS.map((fact) => {
          const v = company[fact.field];
          const ev = evidenceFor(company.evidence, fact.field);
          let display = undefined;
          if (fact.kind === 'url' && typeof v === 'string' && v) {
            display = (
              <ExternalLink href={v} icon>
                {v}
              </ExternalLink>
            );
          } else if (fact.kind === 'list' && Array.isArray(v) && v.length) {
            display = (
              <ul className="space-y-0.5">
                {v.map((x) => (
                  <li key={x}>{fact.field === 'phones' ? <a href={`tel:${x}`} className="hover:text-accent-700 hover:underline">{formatPhone(x)}</a> : x}</li>
                ))}
              </ul>
            );
          }
          return (
            <EditableField
              key={fact.field}
              label={fact.label}
              value={currentText(company, fact)}
              display={display}
              canEdit={canEdit}
              multiline={fact.kind === 'multiline'}
              inputType={fact.kind === 'url' ? 'url' : 'text'}
              hint={fact.hint}
              adornment={<EvidenceSource evidence={ev} field={fact.label} />}
              onSave={(raw) => onSave(fact, raw)}
            />
          );
        })}
        {social.length ? (
          <div className="grid grid-cols-1 gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
            <dt className="flex items-center gap-1.5 text-sm text-gray-500">
              Social
              <EvidenceSource evidence={evidenceFor(company.evidence, 'social')} field="Social" />
            </dt>
            <dd className="min-w-0 space-y-0.5 text-sm">
              {social.map(([network, url]) => (
                <div key={network} className="flex min-w-0 gap-2">
                  <span className="shrink-0 text-gray-500 capitalize">{network}</span>
                  <ExternalLink href={url}>{url}</ExternalLink>
                </div>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
