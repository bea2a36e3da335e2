/**
 * The playground page: the spreadsheet with the add-on installed. It draws what the server says
 * (state and the open sheet), sends what a person does, and shows each toast, alert, dialog and
 * sidebar the add-on produced exactly once.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import { a1Of } from './a1';
import { api } from './api';
import { SheetTabs, TopBar } from './bars';
import type { ChangeResponse, SheetView, StateView } from './contract';
import { CALL_ENDED } from './contract';
import type { CellRef } from './grid';
import { Grid } from './grid';
import { importReportLines } from './import-report';
import { MenuBar } from './menu-bar';
import type { Modal, ShownToast } from './overlays';
import { ModalView, Toasts } from './overlays';
import type { Panel } from './panels';
import { PanelView } from './panels';
import { warningFor } from './warnings';

/** Rows asked for at first, and added by "Show more rows". */
const ROWS_STEP = 200;
/** How often an idle page asks again: the clock runs, and a trigger may fire. */
const IDLE_REFRESH_MS = 30_000;

export function App() {
  const [state, setState] = useState<StateView | null>(null);
  const [sheetName, setSheetName] = useState('');
  const [rows, setRows] = useState(ROWS_STEP);
  const [view, setView] = useState<SheetView | null>(null);
  const [selected, setSelected] = useState<CellRef>({ row: 1, column: 1 });
  const [panel, setPanel] = useState<Panel | null>(null);
  const [modals, setModals] = useState<Modal[]>([]);
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const [busy, setBusy] = useState(0);
  const seen = useRef<{ toasts: number; alerts: number; dialogs: number } | null>(null);
  const toastKey = useRef(0);

  const showToast = (toast: Omit<ShownToast, 'key'>) =>
    setToasts((shown) => [...shown, { ...toast, key: toastKey.current++ }]);

  /** Takes in a new state: what the add-on showed since the last one appears now. */
  const apply = useCallback((next: StateView) => {
    const before = seen.current ?? {
      toasts: next.toastCount,
      alerts: next.alertCount,
      dialogs: next.dialogCount,
    };
    for (const toast of next.toasts.filter((t) => t.index >= before.toasts)) showToast(toast);
    const newModals: Modal[] = next.alerts
      .filter((a) => a.index >= before.alerts)
      .map((alert) => ({ kind: 'alert', alert }));
    for (const dialog of next.dialogs.filter((d) => d.index >= before.dialogs)) {
      if (dialog.kind === 'sidebar') setPanel({ kind: 'sidebar', index: dialog.index, title: dialog.title });
      else newModals.push({ kind: 'dialog', dialog });
    }
    if (newModals.length > 0) setModals((queued) => [...queued, ...newModals]);
    seen.current = { toasts: next.toastCount, alerts: next.alertCount, dialogs: next.dialogCount };
    setState(next);
    setSheetName((current) => (next.sheets.includes(current) ? current : next.activeSheet));
  }, []);

  /** Runs one request; its new state is applied, and a script's error shown as Sheets shows one. */
  const run = useCallback(
    async (request: () => Promise<ChangeResponse>, after?: (response: ChangeResponse) => void) => {
      setBusy((n) => n + 1);
      try {
        const response = await request();
        apply(response.state);
        if (response.scriptError) {
          showToast({ title: 'Script error', message: response.scriptError, timeoutSeconds: 0, error: true });
        }
        after?.(response);
      } catch (error) {
        showToast({
          title: 'The playground refused that',
          message: (error as Error).message,
          timeoutSeconds: 0,
          error: true,
        });
      } finally {
        setBusy((n) => n - 1);
      }
    },
    [apply],
  );

  useEffect(() => {
    void run(() => api.open());
    // Reads between actions fail quietly: a page whose server stopped says so at the next action.
    const onMessage = (event: MessageEvent) => {
      if (event.origin === location.origin && event.data === CALL_ENDED)
        void api.state().then(apply, () => undefined);
    };
    window.addEventListener('message', onMessage);
    const timer = setInterval(() => void api.state().then(apply, () => undefined), IDLE_REFRESH_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    if (!sheetName || !state) return;
    let current = true;
    void api.sheet(sheetName, rows).then((next) => current && setView(next));
    return () => {
      current = false;
    };
  }, [sheetName, rows, state?.version]);

  const edit = (row: number, column: number, values: string[][]) => {
    const send = () => void run(() => api.edit(sheetName, row, column, values));
    const warning = view && warningFor(view, row, column, values);
    if (warning === null || warning === undefined) send();
    else
      setModals((queued) => [
        ...queued,
        { kind: 'confirm', title: 'Heads up!', message: warning, onConfirm: send },
      ]);
  };

  const importFile = (file: string) =>
    void run(
      () => api.importFile(file),
      (response) =>
        !response.scriptError &&
        setModals((queued) => [
          ...queued,
          { kind: 'report', title: `Imported ${file}`, lines: importReportLines(file, response.result) },
        ]),
    );

  if (!state) return <div class="loading">Opening the spreadsheet…</div>;
  const showMore = view && view.shownRows < view.lastRow ? () => setRows((n) => n + ROWS_STEP) : undefined;
  return (
    <div class="app">
      <TopBar
        state={state}
        busy={busy > 0}
        panel={panel}
        onNextDay={() => void run(() => api.nextDay())}
        onToggle={(kind) => setPanel(panel?.kind === kind ? null : { kind })}
      />
      <MenuBar
        addonMenu={state.menu}
        referenceFiles={state.referenceFiles}
        onRun={(name) => void run(() => api.menu(name))}
        onImport={importFile}
      />
      <FormulaBar view={view} selected={selected} />
      <div class="workspace">
        <main class="sheet-area">
          {view && view.name === sheetName ? (
            <Grid
              view={view}
              selected={selected}
              onSelect={setSelected}
              onEdit={edit}
              onShowMore={showMore}
            />
          ) : (
            <div class="loading">Loading {sheetName}…</div>
          )}
          <SheetTabs
            sheets={state.sheets}
            current={sheetName}
            onPick={(name) => {
              setSheetName(name);
              setRows(ROWS_STEP);
              setSelected({ row: 1, column: 1 });
            }}
          />
        </main>
        {panel && (
          <PanelView
            panel={panel}
            outbox={state.outbox}
            triggers={state.triggers}
            onRunTrigger={(id) => void run(() => api.runTrigger(id))}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
      {modals[0] && <ModalView modal={modals[0]} onClose={() => setModals((queued) => queued.slice(1))} />}
      <Toasts toasts={toasts} onClose={(key) => setToasts((shown) => shown.filter((t) => t.key !== key))} />
    </div>
  );
}

function FormulaBar({ view, selected }: { view: SheetView | null; selected: CellRef }) {
  const cell = view?.cells[selected.row - 1]?.[selected.column - 1];
  return (
    <div class="formula-bar">
      <span class="name-box" aria-label="Selected cell">
        {a1Of(selected.row, selected.column)}
      </span>
      <span class="fx">fx</span>
      <span class="formula-text" aria-label="Cell content">
        {cell?.input ?? cell?.text ?? ''}
      </span>
    </div>
  );
}
