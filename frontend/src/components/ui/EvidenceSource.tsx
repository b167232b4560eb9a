import { cn } from '@/lib/cn';
import { isRulesModel, modelName } from './Ai';
import { ExternalLink } from './ExternalLink';
import { FileIcon, GlobeIcon, PencilIcon, SparklesIcon } from './icons';
import { Popover } from './Popover';

/** Where a fact came from: the page it was read on and the text around it. */
export type Evidence = { url?: string | null; snippet?: string | null; source?: string | null; model?: string | null };

const SOURCES: Record<string, { label: string; long: string; icon: typeof GlobeIcon; tone: string }> = {
  crawl: { label: 'crawl', long: 'Read from the website', icon: GlobeIcon, tone: 'bg-sky-50 text-sky-800 ring-sky-600/20' },
  import: { label: 'import', long: 'Imported from a file', icon: FileIcon, tone: 'bg-gray-100 text-gray-700 ring-gray-500/20' },
  manual: { label: 'manual', long: 'Entered by hand', icon: PencilIcon, tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20' },
  ai: { label: 'AI', long: 'Suggested by AI', icon: SparklesIcon, tone: 'bg-violet-50 text-violet-800 ring-violet-600/20' },
};

/** Read an evidence entry out of an untyped `evidence` map (API data is untrusted). */
export function evidenceFor(map: Record<string, unknown> | null | undefined, field: string): Evidence | null {
  const raw = map?.[field];
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const ev = { url: str(r.url), snippet: str(r.snippet), source: str(r.source), model: str(r.model) };
  return ev.url || ev.snippet || ev.source ? ev : null;
}

/**
 * A small "source" chip next to a fact; opens a panel with the evidence URL and snippet.
 * Everything is rendered as text: snippets are scraped, untrusted content.
 */
export function EvidenceSource({ evidence, field }: { evidence: Evidence | null | undefined; field: string }) {
  if (!evidence) return null;
  const kind = SOURCES[evidence.source ?? 'crawl'] ?? {
    label: evidence.source ?? 'source',
    long: `Source: ${evidence.source ?? 'unknown'}`,
    icon: GlobeIcon,
    tone: 'bg-gray-100 text-gray-700 ring-gray-500/20',
  };
  const Icon = kind.icon;
  // AI evidence names its model ("openai:gpt-4o-mini"); the rules-based provider is not AI.
  const ai = evidence.source === 'ai';
  const rules = ai && isRulesModel(evidence.model);
  const chip = ai ? (rules ? 'Rules' : evidence.model ? `AI · ${modelName(evidence.model)}` : kind.label) : kind.label;
  const long = rules ? 'Derived by rules (not AI)' : kind.long;
  return (
    <Popover
      label={`Source of ${field}: ${long}${ai && evidence.model ? ` (${evidence.model})` : ''}`}
      trigger={
        <span className={cn('inline-flex max-w-48 items-center gap-1 rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset', kind.tone)}>
          <Icon className="size-3 shrink-0" />
          <span className="truncate">{chip}</span>
        </span>
      }
    >
      <span className="block font-medium text-gray-900">
        {long}
        {evidence.model ? <span className="font-normal text-gray-500"> · {evidence.model}</span> : null}
      </span>
      {evidence.url ? (
        <span className="mt-1.5 block">
          <ExternalLink href={evidence.url} icon className="max-w-full">
            {evidence.url}
          </ExternalLink>
        </span>
      ) : null}
      {evidence.snippet ? (
        <span className="mt-2 block rounded-md bg-gray-50 px-2.5 py-2 text-gray-700 ring-1 ring-gray-200 ring-inset">
          <span className="sr-only">Snippet: </span>
          <q className="break-words whitespace-pre-wrap italic">{evidence.snippet}</q>
        </span>
      ) : null}
      {!evidence.url && !evidence.snippet ? <span className="mt-1 block text-gray-500">No page or snippet recorded.</span> : null}
    </Popover>
  );
}
