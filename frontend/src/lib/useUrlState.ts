import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './useDebouncedValue';

export type UrlChanges = Record<string, string | null | undefined>;

/**
 * List state kept in the URL (shareable, survives reload and back/forward).
 * `update` sets or clears keys; any change other than `offset` itself resets `offset` (page 1).
 * `setOffset` moves to another page (offset 0 drops the key).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges, options?: { replace?: boolean }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if (!('offset' in changes)) next.delete('offset');
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );
  const setOffset = useCallback((offset: number) => update({ offset: offset > 0 ? String(offset) : null }), [update]);
  return { params, update, setOffset };
}

/**
 * A text input bound to a URL parameter with a debounce: returns the live text for the input;
 * the URL (and so the request) follows `delayMs` after typing stops. Changes to the URL from
 * elsewhere (back button, "clear filters") flow back into the input.
 */
export function useDebouncedUrlText(
  key: string,
  params: URLSearchParams,
  update: (changes: UrlChanges, options?: { replace?: boolean }) => void,
  delayMs = 300,
) {
  const urlValue = params.get(key) ?? '';
  const [text, setText] = useState(urlValue);
  const debounced = useDebouncedValue(text.trim(), delayMs);
  const written = useRef(urlValue);

  useEffect(() => {
    if (debounced === urlValue) return;
    written.current = debounced;
    update({ [key]: debounced || null }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    if (urlValue === written.current) return;
    written.current = urlValue;
    setText(urlValue);
  }, [urlValue]);

  return [text, setText] as const;
}

/** A non-negative integer from the URL (e.g. offset), defaulting to 0. */
export function intParam(params: URLSearchParams, key: string): number {
  const n = Number(params.get(key));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
