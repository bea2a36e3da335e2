/**
 * My day: the current user's overdue and due-today follow-ups and stale deals. One click on Done
 * marks a follow-up done: the next follow-up (a week on unless changed) and Last Contact today.
 */
import { useState } from 'preact/hooks';

import type { DealSummary, SidebarData } from '../core/sidebar/contract';
import { countOf } from '../core/wording';
import { daysAfter } from './format';
import { failureMessage, server } from './server';
import { focusLater } from './use-deal-form';

const NEXT_FOLLOW_UP_DAYS = 7;
const TITLE_ID = 'day-title';

function FollowUp(props: { deal: DealSummary; data: SidebarData; onDone(message: string): void }) {
  const { deal, data } = props;
  const [next, setNext] = useState(daysAfter(data.today, NEXT_FOLLOW_UP_DAYS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `day-next-${deal.id}`;
  async function done() {
    setBusy(true);
    try {
      await server.updateDeal(deal.id, { followUp: next, lastContact: data.today });
      props.onDone(
        `${deal.id} “${deal.deal}”: follow-up done, ${next ? `next on ${next}` : 'no next one set'}.`,
      );
    } catch (failure) {
      setError(failureMessage(failure));
      setBusy(false);
    }
  }
  const when = deal.days > 0 ? `${countOf(deal.days, 'day')} overdue` : 'due today';
  return (
    <li class="deal">
      <div class="deal-title">
        {deal.id} · {deal.deal}
      </div>
      <div class="gray">
        {[deal.company, when, deal.nextStep && `Next step: ${deal.nextStep}`].filter(Boolean).join(' · ')}
      </div>
      <div class="deal-actions">
        <div class="form-group">
          <label for={id}>
            Next follow-up<span class="visually-hidden"> of {deal.id}</span>
          </label>
          <input id={id} type="date" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </div>
        <button
          type="button"
          class="action"
          disabled={busy}
          onClick={done}
          aria-label={`Done: follow-up of ${deal.id}`}
          aria-describedby={`${id}-error`}
        >
          Done
        </button>
      </div>
      <div id={`${id}-error`} class="field-error" aria-live="polite">
        {error}
      </div>
    </li>
  );
}

function Stale(props: { deal: DealSummary }) {
  const { deal } = props;
  return (
    <li class="deal">
      <div class="deal-title">
        {deal.id} · {deal.deal}
      </div>
      <div class="gray">
        {[deal.company, deal.stage, `${countOf(deal.days, 'day')} without activity`].join(' · ')}
      </div>
    </li>
  );
}

export function MyDay(props: { data: SidebarData; onSaved(): void }) {
  const { data } = props;
  const { overdue, dueToday, stale } = data.myDay;
  const [status, setStatus] = useState('');
  const done = (message: string) => {
    setStatus(message);
    // The deal leaves the list: keep the keyboard in the view rather than lose it to the page.
    focusLater(TITLE_ID);
    props.onSaved();
  };
  const followUps = (title: string, deals: readonly DealSummary[]) =>
    deals.length > 0 && (
      <section class="block" aria-label={title}>
        <h3 class="label">
          {title} ({deals.length})
        </h3>
        <ul class="deals">
          {deals.map((deal) => (
            <FollowUp key={deal.id} deal={deal} data={data} onDone={done} />
          ))}
        </ul>
      </section>
    );
  return (
    <div>
      <h2 id={TITLE_ID} tabIndex={-1}>
        My day
      </h2>
      <div class="status block" role="status">
        {status}
      </div>
      {data.user === '' ? (
        <p>Google did not say who you are here, so My day cannot pick your deals.</p>
      ) : (
        <>
          <p class="gray">{data.user}</p>
          {followUps('Overdue follow-ups', overdue)}
          {followUps('Due today', dueToday)}
          {overdue.length + dueToday.length === 0 && <p>No follow-up overdue or due today.</p>}
          {stale.length > 0 && (
            <section class="block" aria-label="Stale deals">
              <h3 class="label">Stale deals ({stale.length})</h3>
              <ul class="deals">
                {stale.map((deal) => (
                  <Stale key={deal.id} deal={deal} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
