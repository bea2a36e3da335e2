/**
 * Builds what `clasp push` uploads into dist/:
 *   Code.js          src/server/index.ts bundled as one IIFE under the global DealPipeline,
 *                    followed by one top-level wrapper function per export, each carrying the
 *                    export's JSDoc from the TypeScript source (esbuild drops comments, and Sheets
 *                    needs `@customfunction` on a top-level function for autocomplete).
 *   Sidebar.html     src/sidebar: its template with the minified script and stylesheet inlined,
 *                    one self-contained file (HtmlService serves a project file as it is, and a
 *                    sidebar loads nothing from the network).
 *   appsscript.json  the manifest, copied.
 * Type errors (server or sidebar, which calls the server through its types) and non-function
 * exports fail the build with file and line.
 */
import { Buffer } from 'node:buffer';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

import * as esbuild from 'esbuild';
import ts from 'typescript';

const ENTRY = 'src/server/index.ts';
const GLOBAL_NAME = 'DealPipeline';
const OUT_DIR = 'dist';
const SIDEBAR_DIR = 'src/sidebar';

function fail(lines) {
  console.error(lines.join('\n'));
  console.error('\nBuild failed.');
  process.exit(1);
}

function where(node) {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1}`;
}

/** Type-checks the program of a tsconfig and returns it; any error fails the build. */
function typeChecked(configPath) {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    fail(
      diagnostics.map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        if (!d.file || d.start === undefined) return `error: ${message}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${relative(process.cwd(), d.file.fileName)}:${line + 1}:${character + 1} error TS${d.code}: ${message}`;
      }),
    );
  }
  return program;
}

/** Type-checks the server program and returns each export of the entry with its JSDoc text. */
function serverExports() {
  const program = typeChecked(ts.findConfigFile('.', ts.sys.fileExists, 'tsconfig.json'));
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  if (!entry) fail([`${ENTRY}: not found`]);
  const moduleSymbol = checker.getSymbolAtLocation(entry);
  const problems = [];
  const exports = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    const isFunction =
      declaration &&
      (ts.isFunctionDeclaration(declaration) ||
        (ts.isVariableDeclaration(declaration) &&
          declaration.initializer &&
          (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))));
    if (!isFunction) {
      problems.push(
        `${declaration ? where(declaration) : ENTRY}: export "${symbol.name}" is not a function; every export of ${ENTRY} becomes a top-level Apps Script function`,
      );
    }
    return { name: symbol.name, jsDoc: declaration ? jsDocOf(declaration) : '' };
  });
  if (problems.length > 0) fail(problems);
  return exports;
}

/** The /** ... *\/ block right before a declaration (for `const f = ...` it sits on the statement). */
function jsDocOf(declaration) {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => text.startsWith('/**', r.pos));
  const last = docs[docs.length - 1];
  if (!last) return '';
  return text
    .slice(last.pos, last.end)
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ` ${line.trim()}`))
    .join('\n');
}

function wrapper({ name, jsDoc }) {
  const doc = jsDoc ? `${jsDoc}\n` : '';
  return `${doc}function ${name}(...args) {\n  return ${GLOBAL_NAME}.${name}(...args);\n}\n`;
}

/** Runs esbuild without writing; its errors fail the build with file and line. */
async function bundled(options) {
  try {
    return await esbuild.build({
      bundle: true,
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
      ...options,
    });
  } catch (error) {
    const messages = error.errors ?? [];
    fail(
      messages.length > 0
        ? messages.map(
            (m) =>
              `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1} ` : ''}error: ${m.text}`,
          )
        : [String(error)],
    );
  }
}

/**
 * The sidebar's template with its script and stylesheet put in place of the two marker comments.
 * Replaced by function, so a `$` in the code is never read as a replacement pattern; esbuild
 * escapes `</script` inside the script, so the inlined code cannot close its own tag.
 */
async function sidebarHtml() {
  typeChecked(`${SIDEBAR_DIR}/tsconfig.json`);
  const [script, style] = await Promise.all([
    bundled({
      entryPoints: [`${SIDEBAR_DIR}/main.tsx`],
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify: true,
    }),
    bundled({ entryPoints: [`${SIDEBAR_DIR}/styles.css`], minify: true }),
  ]);
  let html = readFileSync(`${SIDEBAR_DIR}/Sidebar.html`, 'utf8');
  for (const [marker, code] of [
    ['/* styles.css */', style.outputFiles[0].text.trim()],
    ['/* main.tsx */', script.outputFiles[0].text.trim()],
  ]) {
    if (html.split(marker).length !== 2)
      fail([`${SIDEBAR_DIR}/Sidebar.html: needs the marker ${marker} exactly once`]);
    html = html.replace(marker, () => code);
  }
  return html;
}

const exports = serverExports();
const sidebar = await sidebarHtml();
rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });

const bundle = await bundled({
  entryPoints: [ENTRY],
  format: 'iife',
  globalName: GLOBAL_NAME,
  target: 'es2020',
  platform: 'neutral',
  minify: false,
});

const header = `// Deal Pipeline: built from src/ by esbuild.config.mjs; edit the TypeScript, not this file.\n`;
const code = header + bundle.outputFiles[0].text + '\n' + exports.map(wrapper).join('\n');
writeFileSync(`${OUT_DIR}/Code.js`, code);
writeFileSync(`${OUT_DIR}/Sidebar.html`, sidebar);
copyFileSync('appsscript/appsscript.json', `${OUT_DIR}/appsscript.json`);
console.log(
  `dist/Code.js: ${(code.length / 1024).toFixed(1)} KiB, ${exports.length} top-level functions (${exports.map((e) => e.name).join(', ')})`,
);
console.log(`dist/Sidebar.html: ${(Buffer.byteLength(sidebar) / 1024).toFixed(1)} KiB`);
