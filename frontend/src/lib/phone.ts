/**
 * Phone numbers for reading. The API keeps them as E.164 ("+493012345678"); a reader sees their own
 * country's numbers the way they dial them ("030 12345678") and other countries' in international
 * form ("+33 1 23 45 67 89"). Digits are grouped only where the numbering plan makes the groups
 * certain (fixed lengths, well-known prefixes); elsewhere the national number stays one block rather
 * than suggest an area code that is not one. Anything that is not E.164 is shown as typed.
 */

type Plan = { region: string; trunk: string; groups: (nsn: string) => number[] | null };

const rest = (nsn: string, head: number) => [head, nsn.length - head];
const fixed = (...sizes: number[]) => (nsn: string) => (nsn.length === sizes.reduce((a, b) => a + b, 0) ? sizes : null);

const PLANS: Record<string, Plan> = {
  '1': { region: 'US', trunk: '', groups: fixed(3, 3, 4) },
  '49': {
    region: 'DE',
    trunk: '0',
    groups: (n) => (/^1[5-7]/.test(n) ? rest(n, 3) : /^(30|40|69|89)/.test(n) ? rest(n, 2) : null),
  },
  '43': { region: 'AT', trunk: '0', groups: (n) => (/^6[5-9]/.test(n) ? rest(n, 3) : n.startsWith('1') ? rest(n, 1) : null) },
  '41': { region: 'CH', trunk: '0', groups: fixed(2, 3, 2, 2) },
  '33': { region: 'FR', trunk: '0', groups: fixed(1, 2, 2, 2, 2) },
  '44': { region: 'GB', trunk: '0', groups: (n) => (/^7\d{9}$/.test(n) ? [4, 6] : /^20\d{8}$/.test(n) ? [2, 4, 4] : null) },
  '31': { region: 'NL', trunk: '0', groups: (n) => (/^6\d{8}$/.test(n) ? [1, 8] : /^(10|20|30|70)\d{7}$/.test(n) ? [2, 7] : null) },
};

// Country calling codes are prefix-free: 1 and 7 have one digit, these two, all others three (ITU-T E.164).
const TWO_DIGIT = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

function callingCode(digits: string): string {
  if (digits[0] === '1' || digits[0] === '7') return digits[0];
  return TWO_DIGIT.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
}

function grouped(nsn: string, sizes: number[] | null): string {
  if (!sizes) return nsn;
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(nsn.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

/** The reader's country, from the browser's language ("de-AT" → AT, "de" → DE). */
export function readerRegion(language: string = globalThis.navigator?.language ?? 'en-US'): string {
  try {
    return new Intl.Locale(language).maximize().region ?? 'US';
  } catch {
    return 'US';
  }
}

export function formatPhone(value: string | null | undefined, region: string = readerRegion()): string {
  if (!value) return '';
  const compact = value.replace(/[\s\-().]/g, '');
  if (!/^\+[1-9]\d{5,14}$/.test(compact)) return value;
  const digits = compact.slice(1);
  const code = callingCode(digits);
  const nsn = digits.slice(code.length);
  const plan = PLANS[code];
  const sizes = plan?.groups(nsn) ?? null;
  if (plan && plan.region === region) {
    if (code === '1' && sizes) return `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`;
    return `${plan.trunk}${grouped(nsn, sizes)}`;
  }
  if (code === '1' && sizes) return `+1 ${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`;
  return `+${code} ${grouped(nsn, sizes)}`;
}
