/**
 * HtmlService, HtmlOutput and HtmlTemplate.
 *
 * Files come from `<distDir>/<name>.html` (a name that already ends in ".html" is also accepted);
 * a missing one throws "No HTML file named <name> was found.".
 * Templates: properties the script assigns to a template become variables of its scriptlets;
 * `<? code ?>` runs, `<?= expr ?>` prints HTML-escaped (& < > " '), `<?!= expr ?>` prints raw, and
 * `output` is the HtmlOutput being built. null/undefined print as ''. Scriptlets also see the
 * script's globals (the `templateScope` option), so `<?!= include('x') ?>` works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ServiceContext } from './internal.js';
import { Blob } from './utilities.js';

const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
const META_NAMES = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface HtmlDeps {
  ctx: ServiceContext;
  distDir: string | undefined;
  templateScope: () => object;
}

export class HtmlOutput {
  content: string;
  title = '';
  width: number | null = null;
  height: number | null = null;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  faviconUrl: string | null = null;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly deps: HtmlDeps,
    content: string,
  ) {
    this.content = content;
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  /** null until set (Apps Script leaves the size to the container). */
  getWidth(): number | null {
    return this.width;
  }
  setWidth(width: number): this {
    this.width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setHeight(height: number): this {
    this.height = Number(height);
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = String(iconUrl);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    if (!META_NAMES.includes(String(name))) throw this.deps.ctx.error(`Invalid argument: name`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.metaTags.map((m) =>
      this.deps.ctx.tracker.track(
        { getName: () => m.name, getContent: () => m.content },
        'HtmlOutputMetaTag',
      ),
    );
  }
  asTemplate(): HtmlTemplate {
    return this.deps.ctx.tracker.track(new HtmlTemplate(this.deps, this.content), 'HtmlTemplate');
  }
}

/** Compiles a template into the body of function(__scope, __vars, output, __esc). */
function compileTemplate(source: string): string {
  let code = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    const text = open < 0 ? source.slice(i) : source.slice(i, open);
    if (text) code += `output.append(${JSON.stringify(text)});\n`;
    if (open < 0) break;
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new Error('Unterminated scriptlet: missing ?>');
    let inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) {
      inner = inner.slice(2).trim().replace(/;+$/, '');
      code += `output.append(__str(${inner}));\n`;
    } else if (inner.startsWith('=')) {
      inner = inner.slice(1).trim().replace(/;+$/, '');
      code += `output.append(__esc(${inner}));\n`;
    } else code += `${inner}\n`;
    i = close + 2;
  }
  return code;
}

export class HtmlTemplate {
  readonly #source: string;
  readonly #deps: HtmlDeps;

  constructor(deps: HtmlDeps, source: string) {
    this.#deps = deps;
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }
  getCode(): string {
    return compileTemplate(this.#source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this.#source);
  }

  evaluate(): HtmlOutput {
    const deps = this.#deps;
    const raw = new HtmlOutput(deps, '');
    const tracked = deps.ctx.tracker.track(raw, 'HtmlOutput');
    const vars: Record<string, unknown> = { ...(this as object) };
    let fn: (...a: unknown[]) => void;
    try {
      // Template code is script code: sloppy mode, so `with` gives it the variables and globals.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating script code is the point
      fn = new Function(
        '__scope',
        '__vars',
        'output',
        '__esc',
        '__str',
        `with (__scope) { with (__vars) {\n${compileTemplate(this.#source)}} }`,
      ) as (...a: unknown[]) => void;
    } catch (e) {
      throw deps.ctx.error(`Template syntax error: ${e instanceof Error ? e.message : String(e)}`);
    }
    const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    fn(deps.templateScope(), vars, raw, escapeHtml, str);
    return tracked;
  }
}

export class HtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly deps: HtmlDeps) {}

  #read(filename: string): string {
    const name = String(filename);
    const dir = this.deps.distDir;
    const candidates = name.endsWith('.html') ? [`${name}.html`, name] : [`${name}.html`];
    for (const candidate of dir ? candidates : []) {
      const path = join(dir ?? '', candidate);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    throw this.deps.ctx.error(`No HTML file named ${name} was found.`);
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    let content = '';
    if (html !== undefined && html !== null) {
      const blob = this.deps.ctx.tracker.raw(html, Blob);
      content = blob ? blob.getDataAsString() : String(html);
    }
    return this.deps.ctx.tracker.track(new HtmlOutput(this.deps, content), 'HtmlOutput');
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return this.deps.ctx.tracker.track(new HtmlOutput(this.deps, this.#read(filename)), 'HtmlOutput');
  }
  createTemplate(html: unknown): HtmlTemplate {
    return this.deps.ctx.tracker.track(new HtmlTemplate(this.deps, String(html ?? '')), 'HtmlTemplate');
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return this.deps.ctx.tracker.track(new HtmlTemplate(this.deps, this.#read(filename)), 'HtmlTemplate');
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (emulator)';
  }
}
