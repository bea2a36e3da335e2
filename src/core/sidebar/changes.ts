/**
 * Adding and updating a deal from the sidebar: what the form makes of the deal, and which fields
 * that changes. The shell writes only those fields' cells.
 */
import type { DealFieldKey } from '../columns';
import type { CalendarDay, Deal, StageTable } from '../types';
import type { Judged } from './form';
import { formErrors, judgeForm, NO_DEAL, refusal } from './form';
import type { FormValues } from './form-values';

/**
 * The fields whose value the form changes: those it gives a different value, and those whose
 * cell could not be read (`unreadable`), which it gives any value at all.
 */
export function changedFields(
  current: Deal,
  values: FormValues,
  unreadable: readonly DealFieldKey[],
): DealFieldKey[] {
  return (Object.keys(values) as (keyof FormValues)[]).filter(
    (field) => values[field] !== current[field] || unreadable.includes(field),
  );
}

/** A new deal from the New deal form: every field judged, the stage an open one. */
export function judgeNewDeal(form: unknown, table: StageTable, today: CalendarDay): Judged<Deal> {
  const judged = judgeForm(form, NO_DEAL, table, today, { kind: 'add' });
  const errors = formErrors(judged);
  return Object.keys(errors).length > 0
    ? { ok: false, message: refusal(judged.deal, errors) }
    : { ok: true, value: judged.deal };
}

export interface Update {
  readonly deal: Deal;
  readonly changed: DealFieldKey[];
}

/** Changes to `current` (any field but Stage), judged on the deal as it will be. */
export function judgeUpdate(
  current: Deal,
  unreadable: readonly DealFieldKey[],
  changes: unknown,
  table: StageTable,
  today: CalendarDay,
): Judged<Update> {
  const judged = judgeForm(changes, current, table, today, { kind: 'update', stage: current.stage });
  const errors = formErrors(judged);
  if (Object.keys(errors).length > 0) return { ok: false, message: refusal(current, errors) };
  return {
    ok: true,
    value: { deal: judged.deal, changed: changedFields(current, judged.values, unreadable) },
  };
}
