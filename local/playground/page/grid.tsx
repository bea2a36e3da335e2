/**
 * A sheet as a grid, worked like Sheets: click or arrow to a cell, type (or Enter, F2 or a
 * double click) to edit it, Enter or Tab to put the value in, Escape to leave it as it was,
 * Delete to clear it; paste tab-separated text to fill a block from the selected cell. Notes
 * show on hover, the frozen header stays put, and charts float at their anchor cell.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import { a1Of, columnLetters } from './a1';
import { CellEditor, DEFAULT_WIDTH, overflowWidth, px, styleCss } from './cell';
import { Chart } from './chart';
import { clipboardText, parseClipboard } from './clipboard';
import type { CellView, SheetView } from './contract';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 46;

export interface CellRef {
  row: number;
  column: number;
}

interface GridProps {
  view: SheetView;
  selected: CellRef;
  onSelect: (cell: CellRef) => void;
  /** A typed value (one cell) or a paste (a block from `row`, `column`). */
  onEdit: (row: number, column: number, values: string[][]) => void;
  /** Set when the sheet has rows beyond those shown. */
  onShowMore?: () => void;
}

interface Editing {
  text: string;
}

function cellAt(view: SheetView, { row, column }: CellRef): CellView | null {
  return view.cells[row - 1]?.[column - 1] ?? null;
}

export function Grid({ view, selected, onSelect, onEdit, onShowMore }: GridProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const selectedCell = cellAt(view, selected);

  useEffect(() => setEditing(null), [view.name]);
  useEffect(() => {
    container.current
      ?.querySelector(`[data-cell="${a1Of(selected.row, selected.column)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected.row, selected.column]);

  const select = (row: number, column: number) =>
    onSelect({
      row: Math.min(Math.max(row, 1), view.shownRows),
      column: Math.min(Math.max(column, 1), view.shownColumns),
    });
  const startEditing = (text: string) => setEditing({ text });
  /** Puts the edited text in (when it changed), then moves by `move`, or stays where the click went. */
  const commit = (text: string, move: [number, number] | null) => {
    const before = selectedCell?.input ?? selectedCell?.text ?? '';
    setEditing(null);
    if (text !== before) onEdit(selected.row, selected.column, [[text]]);
    if (move) {
      select(selected.row + move[0], selected.column + move[1]);
      container.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (editing) return;
    const { row, column } = selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(row + move[0], column + move[1]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(selectedCell?.input ?? selectedCell?.text ?? '');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (selectedCell?.text) onEdit(row, column, [['']]);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing(event.key);
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    if (editing) return;
    event.preventDefault();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text !== '') onEdit(selected.row, selected.column, parseClipboard(text));
  };

  const onCopy = (event: ClipboardEvent) => {
    if (editing) return;
    event.preventDefault();
    event.clipboardData?.setData(
      'text/plain',
      clipboardText([[selectedCell?.input ?? selectedCell?.text ?? '']]),
    );
  };

  const widths = view.widths;
  const left = (column: number) =>
    ROW_HEADER_WIDTH +
    Array.from({ length: column - 1 }, (_, i) => widths[i] ?? DEFAULT_WIDTH).reduce((a, b) => a + b, 0);
  const frozenTop = (row: number) => HEADER_HEIGHT + (row - 1) * ROW_HEIGHT;

  return (
    <div
      class="grid-scroll"
      ref={container}
      tabIndex={0}
      aria-label={`Sheet ${view.name}`}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onCopy={onCopy}
    >
      <table
        class="grid"
        role="grid"
        aria-label={view.name}
        style={{ width: px(left(view.shownColumns + 1)) }}
      >
        <colgroup>
          <col style={{ width: px(ROW_HEADER_WIDTH) }} />
          {widths.map((width, i) => (
            <col key={i} style={{ width: px(width) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th class="corner" />
            {widths.map((_, i) => (
              <th key={i} class={i + 1 === selected.column ? 'column-header current' : 'column-header'}>
                {columnLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.cells.map((line, r) => {
            const row = r + 1;
            const frozen = row <= view.frozenRows;
            const sticky = frozen ? { top: px(frozenTop(row)) } : undefined;
            return (
              <tr key={row} class={frozen ? 'frozen' : undefined}>
                <th class={row === selected.row ? 'row-header current' : 'row-header'} style={sticky}>
                  {row}
                </th>
                {line.map((cell, c) => {
                  const column = c + 1;
                  const here = row === selected.row && column === selected.column;
                  const style = styleCss(cell?.style === undefined ? undefined : view.styles[cell.style]);
                  const spill = overflowWidth(view, line, c);
                  const classes = [
                    here && 'selected',
                    cell?.note && 'has-note',
                    view.frozenRows === row && 'frozen-edge',
                    spill && 'spills',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td
                      key={column}
                      data-cell={a1Of(row, column)}
                      role="gridcell"
                      aria-selected={here}
                      class={classes || undefined}
                      style={{ ...style, ...sticky }}
                      onMouseDown={() => select(row, column)}
                      onDblClick={() => startEditing(cell?.input ?? cell?.text ?? '')}
                    >
                      {here && editing ? (
                        <CellEditor
                          initial={editing.text}
                          list={cell?.choices === undefined ? undefined : `choices-${cell.choices}`}
                          onCommit={commit}
                          onCancel={() => {
                            setEditing(null);
                            container.current?.focus();
                          }}
                        />
                      ) : (
                        <span class="cell-text" style={spill ? { width: px(spill) } : undefined}>
                          {cell?.text}
                        </span>
                      )}
                      {cell?.note && (
                        <div class="note-pop" role="note">
                          {cell.note}
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {onShowMore && (
        <button type="button" class="show-more" onClick={onShowMore}>
          Show more rows ({view.lastRow.toLocaleString('en-US')} in all)
        </button>
      )}
      {view.charts.map((chart) => (
        <div
          key={chart.id}
          class="chart-frame"
          style={{
            left: px(left(chart.column) + chart.offsetX),
            top: px(frozenTop(chart.row) + chart.offsetY),
          }}
        >
          <Chart chart={chart} />
        </div>
      ))}
      {view.choices.map((list, i) => (
        <datalist key={i} id={`choices-${i}`}>
          {list.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
      ))}
    </div>
  );
}
