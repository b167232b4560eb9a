import { Card, CardHeader, QueryErrorState, Skeleton } from '@/components/ui';
import type { TemplateVariable } from '../api';
import { useTemplateVariables } from '../hooks/useTemplates';

/** What a template can use, grouped by where it comes from; a click inserts it at the cursor. */
export function VariablesPanel({ onInsert }: { onInsert: (path: string) => void }) {
  const vars = useTemplateVariables();
  const groups = new Map<string, TemplateVariable[]>();
  for (const v of vars.data ?? []) {
    const group = v.name.includes('.') ? v.name.split('.')[0]! : 'links';
    groups.set(group, [...(groups.get(group) ?? []), v]);
  }
  return (
    <Card role="region" aria-labelledby="variables-heading">
      <CardHeader id="variables-heading" title="Variables" description="Click to insert at the cursor (subject or body)." />
      <div className="space-y-3 p-5">
        {vars.isError ? (
          <QueryErrorState title="Couldn't load the variables" query={vars} />
        ) : vars.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          [...groups.entries()].map(([group, items]) => (
            <div key={group}>
              <p className="text-xs font-semibold tracking-wide text-gray-500 uppercase">{group}</p>
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`${group} variables`}>
                {items.map((v) => (
                  <li key={v.name}>
                    <button
                      type="button"
                      title={v.example ? `${v.description} (e.g. ${v.example})` : v.description}
                      aria-label={`Insert ${v.name}: ${v.description}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => onInsert(v.name)}
                      className="rounded-md bg-gray-100 px-1.5 py-0.5 font-mono text-xs text-gray-700 ring-1 ring-gray-200 ring-inset hover:bg-accent-50 hover:text-accent-800 focus-visible:outline-2 focus-visible:outline-accent-600"
                    >
                      {v.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </div>
    </Card>
  );
}
