/** The page's calls to the playground's server (routes.ts): one function per route. */
import type { ChangeResponse, SheetView, StateView } from './contract';

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  const value = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(value.error ?? `${path} answered ${response.status}.`);
  return value;
}

export const api = {
  state: () => request<StateView>('/api/state'),
  sheet: (name: string, rows: number) =>
    request<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&rows=${rows}`),
  open: () => request<ChangeResponse>('/api/open', {}),
  edit: (sheet: string, row: number, column: number, values: string[][]) =>
    request<ChangeResponse>('/api/edit', { sheet, row, column, values }),
  menu: (functionName: string) => request<ChangeResponse>('/api/menu', { functionName }),
  nextDay: () => request<ChangeResponse>('/api/next-day', {}),
  runTrigger: (id: string) => request<ChangeResponse>('/api/run-trigger', { id }),
  importFile: (file: string) => request<ChangeResponse>('/api/import', { file }),
};
