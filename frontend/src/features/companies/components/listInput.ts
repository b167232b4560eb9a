/** "a@x.de, b@y.de" or one per line → ["a@x.de", "b@y.de"] (trimmed, empty and duplicate entries dropped). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];
}
