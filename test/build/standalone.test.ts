/**
 * The repository stands alone (SPEC §5): a fresh clone needs nothing beside it. Every file git
 * tracks or would track (new files count before they are committed) is read, and every path in
 * it that leaves the repository is reported: an import, a readFile or resolve argument, a markdown
 * link. package-lock.json is left out: it names registry tarballs, not our files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * The folder beside the repository that holds the project's outside material, and the machine's
 * workspace: naming either is a reference outside, whatever the path around it. Written so that
 * this file does not name them itself.
 */
const NAMED_OUTSIDE = [/\.\.\/shared\b/g, /(?<![\w.~-])\/work\//g];

/** A path relative to the file it appears in: `./x`, `../x` (not part of a URL or a longer path). */
const RELATIVE_PATH = /(?<![\w.~/\\-])\.\.?\/[^\s'"`()[\]<>,;]*/g;

/** Quoted literals in a row, as `resolve(dir, '..', '..', 'data')` passes one path in pieces. */
const LITERAL_RUN = /(['"`])\.\.?(?:\/[^'"`\n]*)?\1(?:\s*,\s*(['"`])[^'"`\n]*\2)*/g;
const LITERAL = /(['"`])([^'"`\n]*)\1/g;

/** Markdown links `[text](target)` and reference definitions `[text]: target`. */
const MARKDOWN_LINK = /\]\(\s*<?([^\s)>]+)>?[^)]*\)|^\s*\[[^\]]+\]:\s*<?([^\s>]+)/gm;

/** The repository-relative path that `target`, written in `file`, names ('..' or '../…' = outside). */
function resolveFrom(file: string, target: string): string {
  const base = target.startsWith('/') ? '' : posix.dirname(file);
  return posix.normalize(posix.join(base, target.replace(/[?#].*$/, '')));
}

/** A glob (eslint's import patterns) describes module specifiers, not a place on disk. */
function isGlob(path: string): boolean {
  return /[*?{]/.test(path);
}

function leavesRepository(file: string, target: string): boolean {
  const path = resolveFrom(file, target);
  return path === '..' || path.startsWith('../');
}

/** Each path in `text` (the contents of `file`, relative to the repository root) that leaves it. */
function outsideReferences(file: string, text: string): string[] {
  const found = new Set<string>();
  for (const pattern of NAMED_OUTSIDE) {
    for (const match of text.matchAll(pattern)) found.add(match[0]);
  }
  // Data files hold records, not paths.
  if (file.endsWith('.csv')) return [...found];
  for (const [token] of text.matchAll(RELATIVE_PATH)) {
    if (!isGlob(token) && leavesRepository(file, token)) found.add(token);
  }
  for (const [run] of text.matchAll(LITERAL_RUN)) {
    const path = [...run.matchAll(LITERAL)].map((literal) => literal[2]).join('/');
    if (!isGlob(path) && leavesRepository(file, path)) found.add(path);
  }
  if (file.endsWith('.md')) {
    for (const match of text.matchAll(MARKDOWN_LINK)) {
      const target = match[1] ?? match[2] ?? '';
      const isUrlOrAnchor = /^([a-z][a-z\d+.-]*:|#)/i.test(target);
      if (!isUrlOrAnchor && leavesRepository(file, target)) found.add(target);
    }
  }
  return [...found];
}

/** Tracked files and new files not ignored, as they are in the working tree now. */
function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...new Set(listed.split('\0'))].filter(
    (file) =>
      file !== '' &&
      file !== 'package-lock.json' &&
      existsSync(join(root, file)) &&
      statSync(join(root, file)).isFile(),
  );
}

const up = (levels: number): string => '../'.repeat(levels);
const SHARED = `${up(1)}${'shared'}`;
const WORKSPACE = ['', 'work', ''].join('/');

describe('outsideReferences', () => {
  it('reports the sibling shared folder however it is reached', () => {
    expect(outsideReferences('test/fixtures/data.ts', `// copied from ${SHARED}/data`)).toEqual([SHARED]);
    expect(outsideReferences('README.md', `See [the spec](${SHARED}/SPEC.md).`)).toEqual([
      SHARED,
      `${SHARED}/SPEC.md`,
    ]);
  });

  it('reports an absolute path into the workspace', () => {
    expect(outsideReferences('local/start.ts', `readFileSync('${WORKSPACE}main/deals.csv')`)).toEqual([
      WORKSPACE,
    ]);
  });

  it('reports an import or readFile path that climbs above the root', () => {
    expect(outsideReferences('src/core/a.ts', `import { x } from '${up(3)}elsewhere/x';`)).toEqual([
      `${up(3)}elsewhere/x`,
    ]);
    expect(outsideReferences('test/fixtures/a.ts', `resolve(import.meta.dirname, '${up(3)}data')`)).toEqual([
      `${up(3)}data`,
    ]);
  });

  it('reports a path passed in pieces to resolve or join', () => {
    const pieces = [...Array<string>(3).fill('..'), 'data', 'x.csv'].map((piece) => `'${piece}'`).join(', ');
    expect(outsideReferences('test/unit/a.ts', `join(import.meta.dirname, ${pieces})`)).toEqual([
      `${up(3)}data/x.csv`,
    ]);
  });

  it('reports a markdown link or reference definition that leaves the repository', () => {
    expect(outsideReferences('docs/guide.md', `[spec](../../SPEC.md#stages)`)).toEqual([
      '../../SPEC.md#stages',
    ]);
    expect(outsideReferences('docs/guide.md', `[spec]: docs/../../../SPEC.md`)).toEqual([
      'docs/../../../SPEC.md',
    ]);
  });

  it('accepts relative paths that stay inside, URLs, anchors and import globs', () => {
    const inside = [
      `import { parseDeal } from '../../src/core/deal-row';`,
      `const root = resolve(import.meta.dirname, '../..');`,
      `new URL('../fixtures/core-pipeline-snapshot-2015.csv', import.meta.url)`,
      `{ patterns: ['../server/*', '**/local/**'] }`,
      `[contract](../SPEC.md) [top](#deal-pipeline) [site](https://example.com/work/x/../../..)`,
    ].join('\n');
    expect(outsideReferences('test/unit/numbers/a.md', inside)).toEqual([]);
  });

  it('does not read records in data files as paths', () => {
    expect(outsideReferences('test/fixtures/data/x.csv', `D-1,Acme,${up(9)}odd note`)).toEqual([]);
  });
});

describe('the repository', () => {
  it('has no file that refers to a path outside it', () => {
    const outside = repositoryFiles().flatMap((file) => {
      const bytes = readFileSync(join(root, file));
      if (bytes.includes(0)) return [];
      return outsideReferences(file, bytes.toString('utf8')).map((reference) => `${file}: ${reference}`);
    });
    expect(outside).toEqual([]);
  });

  it('keeps the reference data the tests read, and the product contract, inside it', () => {
    const files = repositoryFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'docs/SPEC.md',
        'test/fixtures/data/README.md',
        'test/fixtures/data/maven-crm-sales-pipeline.csv',
        'test/fixtures/data/pipeline-snapshot-2015.csv',
      ]),
    );
  });
});
