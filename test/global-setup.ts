/**
 * Bundle tests run the real dist/. `npm test` builds before vitest; this builds again only when
 * dist/ is missing or older than a source file, so `npx vitest` alone never tests a stale bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const bundle = 'dist/Code.js';
  const stale =
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs <
      Math.max(newestSource('src'), newestSource('appsscript'), statSync('esbuild.config.mjs').mtimeMs);
  if (stale) execFileSync('node', ['esbuild.config.mjs'], { stdio: 'inherit' });
}
