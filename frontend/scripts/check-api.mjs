#!/usr/bin/env node
// Drift check: regenerate the API types from openapi.json into a temp file and
// compare with the committed src/api/schema.d.ts. Exit 1 (with a short diff) if they differ.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, 'openapi.json');
const committed = join(root, 'src/api/schema.d.ts');
const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');

let tmp;
function fail(msg) {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.error(`check:api FAILED: ${msg}`);
  process.exit(1);
}

if (!existsSync(spec)) fail(`${spec} not found (run \`outbound openapi --out frontend/openapi.json\`).`);
if (!existsSync(committed)) fail(`${committed} not found (run \`npm run gen:api\`).`);
if (!existsSync(cli)) fail('openapi-typescript is not installed (run `npm ci`).');

tmp = mkdtempSync(join(tmpdir(), 'check-api-'));
const out = join(tmp, 'schema.d.ts');
try {
  execFileSync(process.execPath, [cli, spec, '-o', out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
} catch (err) {
  fail(`openapi-typescript could not generate types:\n${err.stderr?.toString() ?? err.message}`);
}
const norm = (s) => s.replace(/\r\n/g, '\n');
const expected = norm(readFileSync(out, 'utf8'));
const actual = norm(readFileSync(committed, 'utf8'));
if (expected === actual) {
  rmSync(tmp, { recursive: true, force: true });
  console.log('check:api OK: src/api/schema.d.ts matches openapi.json');
  process.exit(0);
}
const a = actual.split('\n');
const e = expected.split('\n');
let first = 0;
while (first < a.length && first < e.length && a[first] === e[first]) first++;
const ctx = (lines, from) => lines.slice(Math.max(0, from - 2), from + 6).map((l, i) => `  ${Math.max(0, from - 2) + i + 1}| ${l}`).join('\n');
fail(
  'src/api/schema.d.ts is out of date with openapi.json.\n' +
    `First difference at line ${first + 1}.\n` +
    `committed:\n${ctx(a, first)}\n` +
    `regenerated:\n${ctx(e, first)}\n` +
    'Run `npm run gen:api`, fix any type errors (`npm run typecheck`) and commit the result.',
);
