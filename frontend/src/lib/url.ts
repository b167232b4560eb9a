/**
 * Links built from untrusted (scraped or imported) data: only http(s) URLs become hrefs, so a
 * `javascript:` or `data:` value can never end up clickable.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Host without "www." for display, or the raw value if it does not parse. */
export function displayHost(raw: string | null | undefined): string {
  const href = safeHttpUrl(raw);
  if (!href) return raw ?? '';
  return new URL(href).host.replace(/^www\./, '');
}

/** Props for a link that opens in a new tab without giving the target page a handle on this one. */
export const EXTERNAL_LINK = { target: '_blank', rel: 'noopener noreferrer' } as const;
