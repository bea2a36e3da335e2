/**
 * Move a deal: find it, pick one of the moves its stage allows, and give in the same step what
 * the deal lacks to enter the target stage (the server lists both in the deal's summary: moves
 * and needs), such as a Lost Reason or an Amount. The fields are checked as they are typed by the
 * core's checkDealForm, the server's own check.
 */
import { useState } from 'preact/hooks';

import type { DealSummary, SidebarData } from '../core/sidebar/contract';
import { DealSearch, SEARCH_ID } from './deal-search';
import { Field, fieldId } from './field';
import type { FormKey } from './form';
import { dealFormOf, FORM_FIELDS, formField, formProblems } from './form';
import { moneyShown } from './format';
import { server } from './server';
import { focusLater, placeRefusal, useDealForm } from './use-deal-form';

const ID = 'move';
const TARGET_ID = `${ID}-target`;

/** The fields a deal lacks to enter `to`, in Deals order. */
function neededFor(deal: DealSummary | null, to: string): FormKey[] {
  const needs = deal?.needs?.[to] ?? [];
  return FORM_FIELDS.map((field) => field.key).filter((key) => needs.includes(key));
}

/** What the deal's card says under its name. */
function details(deal: DealSummary, currency: string): string {
  const amount = deal.amount === null ? '' : moneyShown(deal.amount, currency);
  return [deal.company, deal.stage, amount, deal.owner].filter(Boolean).join(' · ');
}

export function MoveDeal(props: { data: SidebarData; onSaved(): void }) {
  const { data } = props;
  const [deal, setDeal] = useState<DealSummary | null>(null);
  const [to, setTo] = useState('');
  const form = useDealForm(() => ({}));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');

  const asked = neededFor(deal, to);
  const problems = formProblems(form.values, asked, data, { kind: 'move', to, needs: asked });
  const target = data.stages.find((stage) => stage.name === to);
  const closesToday =
    target && target.kind !== 'open' && deal?.closeDate === '' && !asked.includes('closeDate');

  function retarget(name: string) {
    setTo(name);
    form.reset({});
    setAlert('');
  }

  function choose(chosen: DealSummary) {
    setDeal(chosen);
    setStatus('');
    retarget(chosen.moves[0] ?? '');
    focusLater(TARGET_ID);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!deal || saving) return;
    form.submitted();
    const wrong = asked.filter((key) => problems.errors[key]);
    if (wrong[0]) {
      focusLater(fieldId(ID, { key: wrong[0] }));
      return;
    }
    setSaving(true);
    try {
      await server.moveDeal(deal.id, to, dealFormOf(form.values, asked));
      setStatus(`Moved ${deal.id} “${deal.deal}” from ${deal.stage} to ${to}.`);
      setDeal(null);
      focusLater(SEARCH_ID);
      props.onSaved();
    } catch (error) {
      const top = placeRefusal(form, error, asked, ID);
      if (top !== null) setAlert(top);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      <h2>Move a deal</h2>
      <div class="status block" role="status">
        {status}
      </div>
      <DealSearch onChoose={choose} />
      {deal && (
        <form onSubmit={submit} noValidate aria-label={`Move ${deal.id}`}>
          <div class="deal block">
            <div class="deal-title">
              {deal.id} · {deal.deal}
            </div>
            <div class="gray">{details(deal, data.currency)}</div>
          </div>
          <div class="alert block" role="alert">
            {alert}
          </div>
          {deal.moves.length === 0 ? (
            <p>{deal.stage} allows no moves: the stage table in Settings says where deals may go.</p>
          ) : (
            <>
              <div class="form-group">
                <label for={TARGET_ID}>Move to</label>
                <select id={TARGET_ID} value={to} onInput={(event) => retarget(event.currentTarget.value)}>
                  {deal.moves.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              {asked.length > 0 && <p class="gray">{to} needs what this deal lacks:</p>}
              {asked.map((key) => (
                <Field
                  key={`${to}-${key}`}
                  idPrefix={ID}
                  field={formField(key)}
                  value={form.values[key] ?? ''}
                  error={form.shownError(key, problems.errors)}
                  warning={problems.warnings[key]}
                  required
                  onValue={(value) => form.set(key, value)}
                  onLeave={() => form.leave(key)}
                />
              ))}
              {closesToday && <p class="gray">Its Close Date becomes today, {data.today}.</p>}
              <button type="submit" class="action" disabled={saving}>
                {saving ? 'Moving…' : `Move to ${to}`}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}
