import type { ReactNode } from 'react';
import { EvidenceSource, evidenceFor, ExternalLink } from '@/components/ui';
import type { SiteRecord } from '../api';

function Fact({ label, field, record, children }: { label: string; field: string; record: SiteRecord; children: ReactNode }) {
  const ev = evidenceFor(record.evidence, field);
  return (
    <div className="min-w-0">
      <dt className="flex items-center gap-1.5 text-xs font-medium text-gray-500">
        {label}
        {ev ? <EvidenceSource evidence={{ ...ev, source: ev.source ?? 'crawl' }} field={label} /> : null}
      </dt>
      <dd className="mt-0.5 text-sm break-words text-gray-900">{children}</dd>
    </div>
  );
}

const has = (v: string | null | string[]) => (Array.isArray(v) ? v.length > 0 : !!v);

/** Everything extracted from one site, plus the pages that were fetched. All values render as text. */
export function RecordDetails({ record, error }: { record: SiteRecord; error: string | null }) {
  const address = [record.street, [record.postal_code, record.city].filter(Boolean).join(' '), record.country].filter(Boolean).join(', ');
  const register = [record.register_court, record.register_number].filter(Boolean).join(' ');
  const facts: Array<[string, string, ReactNode, boolean]> = [
    ['Company name', 'company_name', record.company_name, has(record.company_name)],
    ['Legal form', 'legal_form', record.legal_form, has(record.legal_form)],
    ['Address', 'street', address, !!address],
    ['E-mails', 'emails', <List items={record.emails} />, has(record.emails)],
    ['Phones', 'phones', <List items={record.phones} />, has(record.phones)],
    ['Fax', 'fax', record.fax, has(record.fax)],
    ['Representatives', 'representatives', <List items={record.representatives} />, has(record.representatives)],
    ['Register', 'register_number', register, !!register],
    ['VAT ID', 'vat_id', record.vat_id, has(record.vat_id)],
    ['Industry', 'industry', record.industry, has(record.industry)],
    ['Employees', 'employees', record.employees, has(record.employees)],
    ['Language', 'language', record.language, has(record.language)],
  ];
  const shown = facts.filter(([, , , ok]) => ok);
  const social = Object.entries(record.social);

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-5">
        {shown.length ? (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {shown.map(([label, field, value]) => (
              <Fact key={label} label={label} field={field} record={record}>
                {value}
              </Fact>
            ))}
            {social.length ? (
              <Fact label="Social" field="social" record={record}>
                <ul className="space-y-0.5">
                  {social.map(([k, url]) => (
                    <li key={k}>
                      <span className="text-gray-500">{k}: </span>
                      <ExternalLink href={url}>{url}</ExternalLink>
                    </li>
                  ))}
                </ul>
              </Fact>
            ) : null}
          </dl>
        ) : (
          <p className="text-sm text-gray-500">No company facts were found on this site.</p>
        )}
        {record.persons.length ? (
          <div>
            <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-gray-500 uppercase">People</h4>
            <ul className="space-y-1 text-sm">
              {record.persons.map((p, i) => (
                <li key={i} className="text-gray-800">
                  <span className="font-medium">{p.name}</span>
                  {p.role ? <span className="text-gray-500"> · {p.role}</span> : null}
                  {p.email ? <span className="text-gray-600"> · {p.email}</span> : null}
                  {p.phone ? <span className="text-gray-600"> · {p.phone}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="space-y-4">
        <div>
          <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-gray-500 uppercase">
            Pages fetched ({record.pages.length}){record.rendered ? ' · rendered in a browser' : ''}
          </h4>
          {record.pages.length ? (
            <ul className="space-y-1 text-sm">
              {record.pages.map((url) => (
                <li key={url} className="truncate">
                  <ExternalLink href={url} icon>
                    {url}
                  </ExternalLink>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-500">None.</p>
          )}
        </div>
        {record.errors.length || error ? (
          <div>
            <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-gray-500 uppercase">Problems</h4>
            <ul className="space-y-1 text-sm text-amber-800">
              {(record.errors.length ? record.errors : [error!]).map((e, i) => (
                <li key={i} className="break-words">
                  {e}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul className="space-y-0.5">
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}
