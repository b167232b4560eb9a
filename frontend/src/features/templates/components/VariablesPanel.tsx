import { Card, CardHeader, QueryErrorState, Skeleton } from '@/components/ui';
import { useTemplateVariables } from '../hooks/useTemplates';

/** What a template can use, grouped by where it comes from; a click inserts it at the cursor. */
export function VariablesPanel({ onInsert }: { onInsert: (path: string) => void }) {
  const vars = useTemplateVariables();
  const groups = new Map<string, { path: string; description: string }[]>();
  for (const v of vars.data ?? []) {
    const group = v.path.includes('.') ? v.path.split('.')[0]! : 'links';
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
                  <li key={v.path}>
                    <button
                      type="button"
                      title={v.description}
                      aria-label={`Insert ${v.path}: ${v.description}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => onInsert(v.path)}
                      className="rounded-md bg-gray-100 px-1.5 py-0.5 font-mono text-xs text-gray-700 ring-1 ring-gray-200 ring-inset hover:bg-accent-50 hover:text-accent-800 focus-visible:outline-2 focus-visible:outline-accent-600"
                    >
                      {v.path}
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
