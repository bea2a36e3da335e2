/**
 * The playground's HTTP server (node:http, nothing else): the page, its script and styles, the
 * add-on's sidebars and dialogs, and the JSON API (routes.ts). It listens on 127.0.0.1 only, and
 * answers only requests addressed to it by that name or localhost (a web page elsewhere cannot
 * reach it through a DNS name of its own) and, for changes, only JSON from its own pages (a form
 * on another site cannot post to it). One request runs at a time, and every change is saved
 * before the answer goes out.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import { build } from 'esbuild';

import { messageOf, RequestError } from './errors';
import type { Outcome, PlaygroundOptions } from './playground';
import { Playground } from './playground';
import { changed, ROUTES } from './routes';
import { framedHtml } from './sidebar-frame';

/** Bodies beyond this are refused: the largest paste a person makes is far smaller. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const PAGE = resolve(import.meta.dirname, 'page');

export interface ServerOptions extends PlaygroundOptions {
  /** 0 for any free port. */
  port: number;
}

export interface RunningPlayground {
  url: string;
  playground: Playground;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

export async function startPlayground(options: ServerOptions): Promise<RunningPlayground> {
  const playground = Playground.open(options);
  const assets = await pageAssets();
  const server = createServer((request, response) => {
    void answer(request, playground, assets, server).then((reply) => send(response, reply));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, LOOPBACK, done);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    playground,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The page's files: its HTML and styles as written, its script built from page/main.tsx. */
async function pageAssets(): Promise<Record<string, Reply>> {
  const script = await build({
    entryPoints: [resolve(PAGE, 'main.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const file = (name: string, type: string): Reply => ({
    status: 200,
    type,
    body: readFileSync(resolve(PAGE, name), 'utf8'),
  });
  return {
    '/': file('index.html', 'text/html; charset=utf-8'),
    '/styles.css': file('styles.css', 'text/css; charset=utf-8'),
    '/main.js': {
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: script.outputFiles[0]?.text ?? '',
    },
  };
}

async function answer(
  request: IncomingMessage,
  playground: Playground,
  assets: Record<string, Reply>,
  server: Server,
): Promise<Reply> {
  try {
    const { port } = server.address() as AddressInfo;
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    checkAddressed(request, port);
    const method = request.method ?? 'GET';
    const asset = assets[url.pathname];
    if (asset) return method === 'GET' ? asset : notAllowed('GET');
    if (url.pathname === '/dialog') {
      if (method !== 'GET') return notAllowed('GET');
      return dialogPage(playground, url.searchParams.get('index'));
    }
    const route = ROUTES[url.pathname];
    if (!route) throw new RequestError(404, `Nothing at ${url.pathname}.`);
    if (method !== route.method) return notAllowed(route.method);
    const input = route.method === 'GET' ? Object.fromEntries(url.searchParams) : await jsonBody(request);
    const fired = playground.tick();
    const result = route.handle(playground, input);
    if (route.kind !== 'read' || fired) playground.save();
    return json(200, route.kind === 'change' ? changed(playground, result as Outcome) : result);
  } catch (error) {
    if (error instanceof RequestError) return json(error.status, { error: error.message });
    console.error(error);
    return json(500, { error: `The playground failed: ${messageOf(error)}` });
  }
}

/** Refuses a request sent to another name than ours (DNS rebinding) or from another site's page. */
function checkAddressed(request: IncomingMessage, port: number): void {
  const ours = [`${LOOPBACK}:${port}`, `localhost:${port}`];
  if (!ours.includes(request.headers.host ?? '')) {
    throw new RequestError(403, `Requests must be addressed to ${ours[0]}.`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !ours.some((host) => origin === `http://${host}`)) {
    throw new RequestError(403, `Requests from ${origin} are not accepted.`);
  }
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new RequestError(415, 'Send the request body as JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge(request);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge(request);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new RequestError(400, `The body is not valid JSON: ${messageOf(error)}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestError(400, 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** Stops reading a body too large to accept; the answer closes the connection. */
function tooLarge(request: IncomingMessage): RequestError {
  request.pause();
  return new RequestError(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
}

/** A sidebar or dialog the add-on showed, with google.script.run. */
function dialogPage(playground: Playground, index: string | null): Reply {
  const dialog = playground.emulator.host.ui.dialogs[Number(index)];
  if (index === null || !/^\d+$/.test(index) || !dialog) {
    throw new RequestError(404, `No dialog ${String(index)} has been shown since the playground started.`);
  }
  return {
    status: 200,
    type: 'text/html; charset=utf-8',
    body: framedHtml(dialog.html, playground.addon.functionNames()),
  };
}

function notAllowed(allowed: string): Reply {
  return { ...json(405, { error: `Use ${allowed} here.` }), headers: { allow: allowed } };
}

function json(status: number, value: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(value ?? null) };
}

function send(response: ServerResponse, reply: Reply): void {
  const close = reply.status === 413 ? { connection: 'close' } : {};
  response.writeHead(reply.status, {
    'content-type': reply.type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...close,
    ...reply.headers,
  });
  response.end(reply.body);
}
