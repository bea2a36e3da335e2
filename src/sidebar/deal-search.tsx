/**
 * Find a deal by ID, name or company: a combobox whose suggestions come from searchDeals, so a
 * sheet of 50,000 deals never travels to the browser. Typing waits for a pause before it asks;
 * an answer to an older query than the one on screen is dropped. Arrow keys move through the
 * suggestions, Enter chooses, Escape closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import type { DealSummary } from '../core/sidebar/contract';
import { countOf } from '../core/wording';
import { failureMessage, server } from './server';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const PAUSE_MS = 250;

export const SEARCH_ID = 'move-search';

export function DealSearch(props: { onChoose(deal: DealSummary): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DealSummary[] | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const asked = useRef(0);

  useEffect(() => {
    const text = query.trim();
    const ticket = ++asked.current;
    if (text === '') {
      setFound(null);
      setOpen(false);
      return undefined;
    }
    const timer = setTimeout(() => {
      server.searchDeals(text).then(
        (deals) => {
          if (ticket !== asked.current) return;
          setFound(deals);
          setActive(0);
          setOpen(true);
          setError('');
        },
        (failure: unknown) => {
          if (ticket === asked.current) setError(failureMessage(failure));
        },
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const shown = open && found ? found : [];
  const choose = (deal: DealSummary) => {
    setOpen(false);
    props.onChoose(deal);
  };

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(found !== null);
      else if (shown.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + shown.length) % shown.length);
      }
    } else if (event.key === 'Enter') {
      // Enter chooses a suggestion; it never submits a form around the box.
      event.preventDefault();
      const deal = shown[active];
      if (deal) choose(deal);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${SEARCH_ID}-list`;
  const optionId = (i: number) => `${SEARCH_ID}-option-${i}`;
  const summary =
    found === null
      ? ''
      : found.length === 0
        ? `No deal matches “${query.trim()}”.`
        : `${countOf(found.length, 'deal')} found.`;
  return (
    <div class="form-group">
      <label for={SEARCH_ID}>Find a deal by ID, name or company</label>
      <input
        id={SEARCH_ID}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="hint" aria-live="polite">
        {summary}
      </div>
      <div class="field-error" aria-live="polite">
        {error}
      </div>
      <ul id={listId} role="listbox" class="options" aria-label="Deals found" hidden={shown.length === 0}>
        {shown.map((deal, i) => (
          <li
            key={deal.id}
            id={optionId(i)}
            role="option"
            class="option"
            aria-selected={i === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(deal)}
          >
            <div class="deal-title">
              {deal.id} · {deal.deal}
            </div>
            <div class="gray">
              {deal.company} · {deal.stage}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
