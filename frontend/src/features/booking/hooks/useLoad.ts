import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> = { data: T | undefined; error: unknown; loading: boolean; reload: () => void };

/**
 * The state of one async read, redone whenever `deps` change; an answer that arrives after newer
 * deps were asked for is dropped. The public page is small and has no query cache (TanStack Query
 * lives with the signed-in screens), so this keeps its JavaScript small.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Load<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: !!load });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (!load) return;
    const call = ++latest.current;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load().then(
      (data) => call === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => call === latest.current && setState({ data: undefined, error, loading: false }),
    );
  }, [...deps, tick, !!load]); // the caller names what the read depends on
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
