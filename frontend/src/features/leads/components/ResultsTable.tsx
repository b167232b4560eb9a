import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { Button, ChevronDownIcon, ChevronRightIcon, ExternalLink, RefreshIcon, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { cn } from '@/lib/cn';
import { displayHost } from '@/lib/url';
import { parseSiteRecord, type SiteResultRead } from '../api';
import { RecordDetails } from './RecordDetails';
import { SiteStatusBadge } from './StatusBadges';

const checkboxClass =
  'size-4 rounded border-gray-300 accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:opacity-40';

/** A site's problem in words, the crawler's own text one click away. */
function SiteProblem({ result }: { result: SiteResultRead }) {
  const [raw, setRaw] = useState(false);
  if (!result.error_summary && !result.error) return null;
  const failed = result.status === 'failed';
  return (
    <div className={cn('mt-1 max-w-64 text-xs break-words', failed ? 'text-red-700' : 'text-amber-700')}>
      <p>{result.error_summary ?? result.error}</p>
      {result.error && result.error !== result.error_summary ? (
        <>
          <button
            type="button"
            aria-expanded={raw}
            onClick={() => setRaw((v) => !v)}
            className="mt-0.5 text-gray-500 underline decoration-dotted underline-offset-2 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-accent-600"
          >
            {raw ? 'Hide technical detail' : 'Technical detail'}
          </button>
          {raw ? <p className="mt-0.5 font-mono text-[11px] text-gray-600">{result.error}</p> : null}
        </>
      ) : null}
    </div>
  );
}

export function ResultsTable({
  results,
  selectable,
  selected,
  onSelectedChange,
  canRetry = false,
  onRetry,
  retryingId = null,
}: {
  results: SiteResultRead[];
  selectable: boolean;
  selected: Set<number>;
  onSelectedChange: (next: Set<number>) => void;
  /** Whether sites can be crawled again now (a writer, and the job is not running). */
  canRetry?: boolean;
  onRetry?: (resultId: number) => void;
  retryingId?: number | null;
}) {
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const doneIds = results.filter((r) => r.status === 'done').map((r) => r.id);
  const allSelected = doneIds.length > 0 && doneIds.every((id) => selected.has(id));
  const someSelected = doneIds.some((id) => selected.has(id));
  const columns = selectable ? 9 : 8;

  function toggle(id: number) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  }

  function toggleExpanded(id: number) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Table aria-label="Finder results">
      <THead>
        <tr>
          {selectable ? (
            <Th className="w-10 pr-0">
              <input
                type="checkbox"
                className={checkboxClass}
                aria-label="Select all finished sites"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !allSelected;
                }}
                disabled={doneIds.length === 0}
                onChange={() => onSelectedChange(allSelected ? new Set() : new Set(doneIds))}
              />
            </Th>
          ) : null}
          <Th>Site</Th>
          <Th>Status</Th>
          <Th>Company</Th>
          <Th>City</Th>
          <Th className="text-right">E-mails</Th>
          <Th className="text-right">Phones</Th>
          <Th>Representatives</Th>
          <Th className="w-10">
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {results.length === 0 ? (
          <tr>
            <td colSpan={columns} className="px-4 py-10 text-center text-sm text-gray-500">
              No sites yet — they appear here as soon as the search has found them.
            </td>
          </tr>
        ) : null}
        {results.map((r) => {
          const record = parseSiteRecord(r.record);
          const domain = r.domain || displayHost(r.url);
          const open = expanded.has(r.id);
          const crawled = record !== null && r.status === 'done';
          const detailsId = `result-details-${r.id}`;
          return (
            <Fragment key={r.id}>
              <Tr className={cn(open && 'bg-gray-50/80', selected.has(r.id) && 'bg-accent-50/50')}>
                {selectable ? (
                  <Td className="pr-0">
                    <input
                      type="checkbox"
                      className={checkboxClass}
                      aria-label={`Select ${domain}`}
                      checked={selected.has(r.id)}
                      disabled={r.status !== 'done'}
                      onChange={() => toggle(r.id)}
                    />
                  </Td>
                ) : null}
                <Td className="max-w-64">
                  <div className="font-medium text-gray-900">{domain}</div>
                  <ExternalLink href={r.url} icon className="max-w-full text-xs">
                    {r.url}
                  </ExternalLink>
                </Td>
                <Td>
                  <SiteStatusBadge status={r.status} />
                  <SiteProblem result={r} />
                  {onRetry && canRetry && (r.status === 'failed' || (r.status === 'done' && r.error)) ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      className="mt-1 -ml-2"
                      icon={<RefreshIcon className="size-3.5" />}
                      loading={retryingId === r.id}
                      disabled={retryingId !== null}
                      aria-label={`Retry ${domain}`}
                      onClick={() => onRetry(r.id)}
                    >
                      Retry
                    </Button>
                  ) : null}
                </Td>
                <Td className="max-w-56">
                  <div className="truncate text-gray-900">{record?.company_name ?? r.title ?? <span className="text-gray-400">—</span>}</div>
                  {r.company_id ? (
                    <Link to={`/companies/${r.company_id}`} className="text-xs font-medium text-emerald-700 hover:underline">
                      Imported · view company
                    </Link>
                  ) : null}
                </Td>
                <Td>{record?.city ?? <span className="text-gray-400">—</span>}</Td>
                <Td className="text-right tabular-nums">{crawled ? record.emails.length : <span className="text-gray-400">—</span>}</Td>
                <Td className="text-right tabular-nums">{crawled ? record.phones.length : <span className="text-gray-400">—</span>}</Td>
                <Td className="max-w-56">
                  {record?.representatives.length ? (
                    <span className="line-clamp-2">{record.representatives.join(', ')}</span>
                  ) : (
                    <span className="text-gray-400">—</span>
                  )}
                </Td>
                <Td>
                  <button
                    type="button"
                    aria-expanded={open}
                    aria-controls={open ? detailsId : undefined}
                    aria-label={`${open ? 'Hide' : 'Show'} details for ${domain}`}
                    disabled={!record}
                    onClick={() => toggleExpanded(r.id)}
                    className="rounded-md p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-accent-600 disabled:opacity-30"
                  >
                    {open ? <ChevronDownIcon className="size-4" /> : <ChevronRightIcon className="size-4" />}
                  </button>
                </Td>
              </Tr>
              {open && record ? (
                <tr id={detailsId} className="bg-gray-50/80">
                  <td colSpan={columns} className="px-6 pt-2 pb-6">
                    <RecordDetails record={record} error={r.error} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
