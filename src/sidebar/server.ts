/**
 * The one way the sidebar reaches the server: each call is a promise over google.script.run.
 * The signatures are the server's own (src/server/index.ts, imported as types only), so renaming
 * or retyping a server function breaks the build instead of a user's sidebar. Tests and the
 * playground define google.script.run to reach the bundle in the emulator: this file has no
 * second path.
 */
import type * as Server from '../server/index';

type SidebarApi = Pick<
  typeof Server,
  | 'getSidebarData'
  | 'searchDeals'
  | 'addDeal'
  | 'updateDeal'
  | 'moveDeal'
  | 'listImportSheets'
  | 'previewImport'
  | 'importDeals'
>;
type Name = keyof SidebarApi;
type Call<N extends Name> = (...args: Parameters<SidebarApi[N]>) => Promise<ReturnType<SidebarApi[N]>>;

/** google.script.run as an HtmlService page has it: a runner per call, handlers set first. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}
declare const google: { script: { run: ScriptRunner } };

function call<N extends Name>(name: N): Call<N> {
  return (...args) =>
    new Promise((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[N]>))
        .withFailureHandler(reject) as unknown as Record<N, (...args: Parameters<SidebarApi[N]>) => void>;
      runner[name](...args);
    });
}

export const server: { [N in Name]: Call<N> } = {
  getSidebarData: call('getSidebarData'),
  searchDeals: call('searchDeals'),
  addDeal: call('addDeal'),
  updateDeal: call('updateDeal'),
  moveDeal: call('moveDeal'),
  listImportSheets: call('listImportSheets'),
  previewImport: call('previewImport'),
  importDeals: call('importDeals'),
};

/** What a failure handler got, as the words to show. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
