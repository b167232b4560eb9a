import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname);
const FEATURES = join(SRC, 'features');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('architecture', () => {
  it('features do not import from other features', () => {
    const offenders: string[] = [];
    for (const file of files(FEATURES)) {
      const own = relative(FEATURES, file).split(sep)[0];
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        const aliased = spec.match(/^@\/features\/([^/]+)/);
        const relativeTarget = spec.startsWith('.') ? relative(FEATURES, join(file, '..', spec)).split(sep)[0] : null;
        const target = aliased?.[1] ?? relativeTarget;
        if (target && target !== own && !target.startsWith('..')) offenders.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never stores tokens in web storage', () => {
    const hits = files(SRC).filter((f) => !f.endsWith('.test.ts') && /localStorage|sessionStorage/.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });
});
