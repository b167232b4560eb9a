import { Badge, ChevronLeftIcon } from '@/components/ui';
import type { SearchProviderRead } from '../api';

/** Each search provider with whether it is set up and, if not, what it needs. */
export function ProviderList({ providers }: { providers: SearchProviderRead[] }) {
  return (
    <ul className="divide-y divide-gray-100 text-sm" aria-label="Search providers">
      {providers.map((p) => (
        <li key={p.name} className="grid gap-1 py-2.5 sm:grid-cols-[11rem_1fr] sm:gap-4">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-gray-900">{p.label}</span>
            {p.configured ? <Badge tone="success">Ready</Badge> : <Badge tone="neutral">Not set up</Badge>}
          </div>
          <div className="space-y-1 text-gray-600">
            <p>{p.needs}</p>
            {!p.configured && p.missing.length ? (
              <p className="text-xs">
                Missing:{' '}
                {p.missing.map((m, i) => (
                  <span key={m}>
                    {i > 0 ? ', ' : ''}
                    <code className="rounded bg-gray-100 px-1 py-0.5 text-gray-800">{m}</code>
                  </span>
                ))}
              </p>
            ) : null}
            {p.notice ? <p className="text-xs text-amber-800">{p.notice}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The provider list folded away, for when search works and the list is reference only. */
export function ProviderDetails({ providers }: { providers: SearchProviderRead[] }) {
  const ready = providers.filter((p) => p.configured).length;
  return (
    <details className="group rounded-lg ring-1 ring-gray-200">
      <summary className="flex cursor-pointer items-center gap-2 px-3.5 py-2.5 text-sm text-gray-700 focus-visible:outline-2 focus-visible:outline-accent-600">
        <ChevronLeftIcon className="size-4 -rotate-180 text-gray-400 transition-transform group-open:-rotate-90" />
        Search providers: {ready} of {providers.length} ready
      </summary>
      <div className="border-t border-gray-100 px-3.5">
        <ProviderList providers={providers} />
      </div>
    </details>
  );
}

/** A data licence's credit, its "(https://…)" tail as a link: "© OpenStreetMap contributors, ODbL". */
export function Attribution({ text, prefix }: { text: string; prefix: string }) {
  const match = /^(.*?)\s*\((https:\/\/[^)\s]+)\)\s*$/.exec(text);
  return (
    <p className="text-xs text-gray-500">
      {prefix}{' '}
      {match ? (
        <a href={match[2]} target="_blank" rel="noopener noreferrer" className="underline hover:text-gray-800">
          {match[1]}
        </a>
      ) : (
        text
      )}
    </p>
  );
}
