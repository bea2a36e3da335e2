/**
 * A cell's parts: its look as CSS, how far its text runs on over empty neighbours, and the input
 * that edits it.
 */
import type { CSSProperties } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

import type { CellStyle, CellView, SheetView } from './contract';

export const DEFAULT_WIDTH = 100;
/** Preact sets style values as given: lengths need their unit. */
export const px = (n: number) => `${n}px`;

export function styleCss(style: CellStyle | undefined): CSSProperties {
  if (!style) return {};
  const lines = [style.strike && 'line-through', style.underline && 'underline'].filter(Boolean);
  return {
    background: style.background,
    color: style.color,
    fontWeight: style.bold ? 'bold' : undefined,
    fontStyle: style.italic ? 'italic' : undefined,
    textDecoration: lines.length > 0 ? lines.join(' ') : undefined,
    textAlign: style.align,
  };
}

/** Empty cells text may run into, as in Sheets: at most this many. */
const MAX_SPILL = 8;

/**
 * The width a left-aligned text may take, running on over the empty cells to its right as Sheets
 * lets it; 0 when it stays in its own cell.
 */
export function overflowWidth(view: SheetView, line: (CellView | null)[], c: number): number {
  const cell = line[c];
  const style = cell?.style === undefined ? undefined : view.styles[cell.style];
  if (!cell?.text || style?.align || style?.wrap) return 0;
  let width = view.widths[c] ?? DEFAULT_WIDTH;
  let next = c + 1;
  while (next < line.length && next <= c + MAX_SPILL && line[next] === null) {
    width += view.widths[next] ?? DEFAULT_WIDTH;
    next++;
  }
  return next === c + 1 ? 0 : width - 6;
}

/** The input over the cell being edited; it ends once, by Enter, Tab, Escape or a click away. */
export function CellEditor(props: {
  initial: string;
  list: string | undefined;
  onCommit(text: string, move: [number, number] | null): void;
  onCancel(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const ended = useRef(false);
  const end = (then: () => void) => {
    if (ended.current) return;
    ended.current = true;
    then();
  };
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  return (
    <input
      ref={input}
      class="cell-editor"
      aria-label="Cell value"
      defaultValue={props.initial}
      list={props.list}
      onBlur={(event) => end(() => props.onCommit(event.currentTarget.value, null))}
      onKeyDown={(event) => {
        const value = event.currentTarget.value;
        const move: Record<string, [number, number]> = {
          Enter: [1, 0],
          Tab: [0, event.shiftKey ? -1 : 1],
        };
        const by = move[event.key];
        if (by || event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          end(() => (by ? props.onCommit(value, by) : props.onCancel()));
        }
      }}
    />
  );
}
