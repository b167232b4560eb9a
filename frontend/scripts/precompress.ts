// Vite plugin: after a build, write a brotli (.br) and a gzip (.gz) copy beside every compressible
// asset of the bundle, so the gateway serves them by Accept-Encoding without compressing per request
// (gateway/static.py). Only hashed files under assets/ get copies: a hashed name never changes its
// content, so a copy can never go stale. A copy that is not smaller than its file is not written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|html|wasm)$/;

/** Brotli at its densest (text mode) and gzip at level 9: built once, served many times. */
export function compressFile(data: Buffer): { br: Buffer; gz: Buffer } {
  return {
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz: gzipSync(data, { level: 9 }),
  };
}

export function precompress({ minBytes = 512 }: { minBytes?: number } = {}): Plugin {
  let outDir = 'dist';
  let assetsDir = 'assets';
  return {
    name: 'outbound-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
      assetsDir = config.build.assetsDir;
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.startsWith(`${assetsDir}/`) || !COMPRESSIBLE.test(fileName)) continue;
        const path = join(outDir, fileName);
        const data = readFileSync(path);
        if (data.length < minBytes) continue;
        for (const [suffix, copy] of Object.entries(compressFile(data))) {
          if (copy.length < data.length) writeFileSync(`${path}.${suffix}`, copy);
        }
      }
    },
  };
}
