import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('the built bundle', () => {
  const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');

  it('is one IIFE under the global DealPipeline, not minified', () => {
    expect(code).toMatch(/^var DealPipeline = \(\(\) => \{$/m);
    expect(code.split('\n').length).toBeGreaterThan(200);
  });

  it('has no top-level `this`, which Apps Script does not bind to the global object', () => {
    const topLevel = code.split('\n').filter((line) => /^\S/.test(line) && !/^(\/\/| ?\*|\/\*)/.test(line));
    expect(topLevel.filter((line) => /\bthis\b/.test(line))).toEqual([]);
  });

  it('appends a wrapper with the JSDoc of its TypeScript export for each export', () => {
    expect(code).toMatch(
      /\/\*\*\n \* Simple trigger: adds the Deal Pipeline menu[^]*?\*\/\nfunction onOpen\(\.\.\.args\) \{\n {2}return DealPipeline\.onOpen\(\.\.\.args\);\n\}/,
    );
    expect(code).toMatch(/\*\/\nfunction setUpSheets\(\.\.\.args\) \{/);
  });

  it('copies the manifest with V8, exception logging and exactly the five scopes the features need', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
  });

  it('is what .clasp.json pushes', () => {
    const clasp = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
  });
});

describe('the built sidebar', () => {
  const html = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');

  it('is one file under 100 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  it('carries its script and stylesheet inline and loads nothing from anywhere', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href|action)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // The only URLs are the XML namespaces Preact compares element namespaces with.
    const urls = html.match(/https?:\/\/[^\s"'`)]*/g) ?? [];
    expect(urls.filter((url) => !url.startsWith('http://www.w3.org/'))).toEqual([]);
  });

  it('has exactly one script, which nothing inside can close early', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.trimEnd()).toMatch(/<\/script>\s*<\/body>\s*<\/html>$/);
  });

  it('keeps Google add-on styling: its font stack and blue action buttons', () => {
    expect(html).toMatch(/font-family:\s*["']?Google Sans["']?,\s*Roboto,\s*Arial/);
    expect(html).toContain('#1a73e8');
  });
});

describe('a broken build', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'deal-pipeline-build-'));
    for (const entry of ['src', 'appsscript', 'esbuild.config.mjs', 'tsconfig.json', 'tsconfig.base.json']) {
      cpSync(join(root, entry), join(work, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function buildWith(file: string, text: string) {
    const original = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(work, file), text);
    try {
      return spawnSync('node', ['esbuild.config.mjs'], { cwd: work, encoding: 'utf8' });
    } finally {
      writeFileSync(join(work, file), original);
    }
  }

  it('fails on a type error, naming the file and line', () => {
    const index = readFileSync(join(root, 'src/server/index.ts'), 'utf8');
    const result = buildWith(
      'src/server/index.ts',
      `${index}\nconst broken: number = 'text';\nexport { broken };\n`,
    );
    expect(result.status).toBe(1);
    const line = index.split('\n').length + 1;
    expect(result.stderr).toContain(`src/server/index.ts:${line}:`);
    expect(result.stderr).toContain('Build failed.');
  });

  it('fails on an export that is not a function, naming it', () => {
    const index = readFileSync(join(root, 'src/server/index.ts'), 'utf8');
    const result = buildWith('src/server/index.ts', `${index}\nexport const VERSION = '1';\n`);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/src\/server\/index\.ts:\d+:\d+: export "VERSION" is not a function/);
  });

  it('fails on an import of a missing export', () => {
    const index = readFileSync(join(root, 'src/server/index.ts'), 'utf8');
    const result = buildWith(
      'src/server/index.ts',
      `import { nothingHere } from './menu';\nnothingHere();\n${index}`,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/src\/server\/index\.ts:1:\d+ error TS2305/);
  });

  it('fails when a server function the sidebar calls is renamed, naming the sidebar line', () => {
    const index = readFileSync(join(root, 'src/server/index.ts'), 'utf8');
    const result = buildWith(
      'src/server/index.ts',
      index.replace('export function searchDeals(', 'export function findDeals('),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/src\/sidebar\/server\.ts:\d+:\d+ error TS\d+: .*searchDeals/);
  });

  it('builds cleanly from the untouched sources', () => {
    execFileSync('node', ['esbuild.config.mjs'], { cwd: work, encoding: 'utf8' });
    expect(readFileSync(join(work, 'dist/Code.js'), 'utf8')).toContain('function setUpSheets(...args)');
    expect(readFileSync(join(work, 'dist/Sidebar.html'), 'utf8')).toContain('<div id="app"></div>');
  });
});
