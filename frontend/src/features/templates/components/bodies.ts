/** Plain text ↔ simple HTML for the AI assistant, which writes plain text. */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs from blank lines, <br> for single newlines; `{{ … }}` stays as it is. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** A readable plain version of simple HTML (what the AI gets to rework when only HTML is written). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '</p>\n\n'), 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** The [start, end) offsets of a 1-based line in a text, for selecting it. */
export function lineRange(text: string, line: number): [number, number] {
  const lines = text.split('\n');
  const n = Math.min(Math.max(line, 1), lines.length);
  const start = lines.slice(0, n - 1).reduce((acc, l) => acc + l.length + 1, 0);
  return [start, start + (lines[n - 1]?.length ?? 0)];
}
