/**
 * The bars around the grid: the title bar with the playground's own controls (its clock with
 * "Next day", the outbox and the triggers), and the sheet tabs.
 */
import type { StateView } from './contract';
import type { Panel } from './panels';

export function TopBar(props: {
  state: StateView;
  busy: boolean;
  panel: Panel | null;
  onNextDay: () => void;
  onToggle: (kind: 'outbox' | 'triggers') => void;
}) {
  const { state, panel } = props;
  const toggle = (kind: 'outbox' | 'triggers', caption: string) => (
    <button type="button" aria-pressed={panel?.kind === kind} onClick={() => props.onToggle(kind)}>
      {caption}
    </button>
  );
  return (
    <header class="topbar">
      <div class="doc">
        <span class="doc-icon" aria-hidden="true" />
        <div>
          <h1>{state.title}</h1>
          <div class="doc-sub">
            Deal Pipeline playground · signed in as {state.user} · {state.timeZone}
          </div>
        </div>
      </div>
      <div class="controls">
        {props.busy && (
          <span class="busy" role="progressbar" aria-label="Working">
            Working…
          </span>
        )}
        <span class="clock" aria-label="Playground clock">
          {state.now}
        </span>
        <button
          type="button"
          onClick={props.onNextDay}
          title="Move the clock a day on; triggers due on the way run"
        >
          Next day
        </button>
        {toggle('outbox', `Outbox (${state.outbox.length})`)}
        {toggle('triggers', `Triggers (${state.triggers.length})`)}
      </div>
    </header>
  );
}

export function SheetTabs(props: { sheets: string[]; current: string; onPick(name: string): void }) {
  return (
    <nav class="tabs" role="tablist" aria-label="Sheets">
      {props.sheets.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === props.current}
          class={name === props.current ? 'sheet-tab current' : 'sheet-tab'}
          onClick={() => props.onPick(name)}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}
