/**
 * A sidebar or dialog as the page frames it: the HTML the add-on handed to showSidebar or
 * showModalDialog, with google.script.run put in before its own scripts. The runner is the one
 * browser tests use (local/sidebar-shim.ts); here it travels over HTTP to /api/script-run, where
 * the same handler answers, and tells the page each time a call ends so it draws the sheet again.
 */
import { runnerScript } from '../sidebar-shim';
import { CALL_ENDED } from './page/contract';

const SCRIPT_RUN_PATH = '/api/script-run';

const TRANSPORT = `{
  run: (name, argsJson) =>
    fetch(${JSON.stringify(SCRIPT_RUN_PATH)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, args: JSON.parse(argsJson) }),
    })
      .then((response) => response.json().then((body) => {
        if (!response.ok) throw new Error(body.error);
        return body;
      }))
      .finally(() => window.parent.postMessage(${JSON.stringify(CALL_ENDED)}, location.origin))
      .then((body) => {
        if ('failure' in body) throw new Error(body.failure);
        return body.success;
      }),
  refused: (message) => console.error(message),
}`;

/** The dialog's HTML with the runner first in its head (or first of all, for a fragment). */
export function framedHtml(html: string, functionNames: readonly string[]): string {
  const script = `<script>${runnerScript(functionNames, TRANSPORT)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return script + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + script + html.slice(at);
}
