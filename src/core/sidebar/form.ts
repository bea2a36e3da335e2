/**
 * Checking a DealForm, the same way in the sidebar (inline, while the person types) and on the
 * server, which trusts nothing a browser sends: each field is read by its column's type, names
 * the add-on fills or does not know are refused, and the deal as it will be is judged by the one
 * validation (validation.ts) on the fields the form touches, so a deal that was already
 * incomplete can still have its follow-up marked done.
 */
import type { DealFieldKey } from '../columns';
import { DEAL_FIELDS, dealField } from '../columns';
import { dealLabel } from '../problems';
import { findStage, openStageNames } from '../stages';
import type { CalendarDay, Deal, StageTable } from '../types';
import { validateDeal } from '../validation';
import { asEntering } from './entering';
import type { FormField, FormValues } from './form-values';
import { describeValue, FORM_FIELDS, readFormValue } from './form-values';

export type FormMode =
  /** A new deal: Stage is required and must be an open stage; every field is judged. */
  | { readonly kind: 'add' }
  /** Changes to a deal now in `stage`: Stage itself changes only with a move. */
  | { readonly kind: 'update'; readonly stage: string }
  /**
   * The fields that go with a move to stage `to`; `needs` are the fields the deal lacks to enter
   * it (DealSummary.needs), which must be filled.
   */
  | { readonly kind: 'move'; readonly to: string; readonly needs: readonly string[] };

/** Messages by form field, in form order; `form` is the form as a whole. */
export type FieldMessages = Readonly<Record<string, string>>;

const WHOLE_FORM = 'form';

/** What the server decides: go ahead with `value`, or refuse with a message for an Error. */
export type Judged<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface FormCheck {
  /** What stops the form from being saved. */
  readonly errors: FieldMessages;
  /** Worth a second look, but saved (a Close Date that has passed). */
  readonly warnings: FieldMessages;
}

export interface JudgedForm {
  /** The values the form carried and that could be read. */
  readonly values: FormValues;
  /** `base` with the values, in the stage the form puts it in (before a closing move's Close Date). */
  readonly deal: Deal;
  /** The form's own problems: not an object, a name it may not carry, a value of the wrong kind. */
  readonly read: FieldMessages;
  /**
   * The deal's problems, by the one validation, on the fields the form touches (a field whose
   * value could not be read may have one too: `read` says what is wrong with it).
   */
  readonly rules: FieldMessages;
  readonly warnings: FieldMessages;
}

/** A deal with nothing in it: what a new deal starts from. */
export const NO_DEAL: Deal = {
  row: 0,
  id: '',
  deal: '',
  company: '',
  contact: '',
  email: '',
  phone: '',
  owner: '',
  stage: '',
  amount: null,
  probability: null,
  closeDate: null,
  followUp: null,
  nextStep: '',
  lastContact: null,
  created: null,
  stageSince: null,
  lostReason: '',
  notes: '',
};

const WHAT_IS_GIVEN: Readonly<Record<FormMode['kind'], string>> = {
  add: 'A new deal',
  update: 'The changes to a deal',
  move: 'The fields of a move',
};

function isFields(form: unknown): form is Readonly<Record<string, unknown>> {
  return typeof form === 'object' && form !== null && !Array.isArray(form);
}

/** Why a name cannot be in this form, or null when it can. */
function refusedName(name: string, mode: FormMode): string | null {
  if (name === 'stage' && mode.kind === 'update') {
    return 'Stage changes only with a move: use Move to change the stage.';
  }
  if (name === 'stage' && mode.kind === 'move') {
    return 'Stage is the stage to move to, given apart from the fields that go with the move.';
  }
  if ((FORM_FIELDS as readonly string[]).includes(name)) return null;
  const addonField = DEAL_FIELDS.find((field) => field.key === name);
  if (addonField) return `${addonField.header} is filled in by Deal Pipeline and cannot be set.`;
  return `"${name}" is not a field of a deal; the fields are ${FORM_FIELDS.join(', ')}.`;
}

/** The form's values, and its own problems. */
function readForm(form: unknown, mode: FormMode): { values: FormValues; read: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const read: Record<string, string> = {};
  if (!isFields(form)) {
    read[WHOLE_FORM] =
      `${WHAT_IS_GIVEN[mode.kind]} must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, ` +
      `not ${describeValue(form)}.`;
    return { values: values, read };
  }
  for (const name of Object.keys(form)) {
    const refused = refusedName(name, mode);
    if (refused !== null) {
      read[name] = refused;
      continue;
    }
    const field = dealField(name as FormField);
    const reading = readFormValue(field, form[name]);
    if ('problem' in reading) read[name] = `${field.header} ${reading.problem}.`;
    else values[name] = reading.value;
  }
  return { values: values, read };
}

/** A new deal may start in any open stage (stages.ts); the stage is named as the table spells it. */
function startingStage(stage: string, table: StageTable): { stage: string } | { problem: string } {
  const open = openStageNames(table).join(', ');
  const target = findStage(table, stage);
  if (stage === '') return { problem: `Stage is required: choose one of ${open}.` };
  if (!target) return { problem: `Stage "${stage}" is not a stage in Settings: choose one of ${open}.` };
  if (target.kind !== 'open') {
    return { problem: `A new deal cannot start in ${target.name}: choose one of ${open}.` };
  }
  return { stage: target.name };
}

/** The fields whose problems count: all for a new deal, else those the form sets or must set. */
function judgedFields(values: FormValues, mode: FormMode): ReadonlySet<string> | 'all' {
  if (mode.kind === 'add') return 'all';
  const fields = new Set<string>(Object.keys(values));
  if (mode.kind === 'move') for (const field of [...mode.needs, 'stage']) fields.add(field);
  return fields;
}

/**
 * Reads and judges a form against `base`, the deal as it is (NO_DEAL for a new one). The server
 * passes the deal read from the sheet; the sidebar, which holds only a summary, passes NO_DEAL in
 * the deal's stage: the problems of the fields the form touches come out the same.
 */
export function judgeForm(
  form: unknown,
  base: Deal,
  table: StageTable,
  today: CalendarDay,
  mode: FormMode,
): JudgedForm {
  const { values, read } = readForm(form, mode);
  const rules: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  if (read[WHOLE_FORM] !== undefined) return { values, deal: base, read, rules, warnings };
  let deal: Deal = { ...base, ...values };
  if (mode.kind === 'add') {
    const start = startingStage(deal.stage, table);
    // A stage a new deal cannot start in says nothing about the fields it needs.
    if ('problem' in start) rules.stage = start.problem;
    deal = { ...deal, stage: 'stage' in start ? start.stage : '' };
  }
  if (mode.kind === 'move') deal = { ...deal, stage: mode.to };

  const judged = judgedFields(values, mode);
  const target = mode.kind === 'move' ? findStage(table, mode.to) : undefined;
  const entered = target ? asEntering(deal, target, today) : deal;
  const prefix = `${dealLabel(entered)}: `;
  for (const problem of validateDeal(entered, table, today)) {
    const field: DealFieldKey = problem.field;
    if (judged !== 'all' && !judged.has(field)) continue;
    const out = problem.severity === 'error' ? rules : warnings;
    out[field] ??= problem.message.startsWith(prefix)
      ? problem.message.slice(prefix.length)
      : problem.message;
  }
  return { values, deal, read, rules, warnings };
}

/** Position of a message's key: the fields in Deals order, then other names as they came. */
function rank(key: string): number {
  const at = (FORM_FIELDS as readonly string[]).indexOf(key);
  return at < 0 ? FORM_FIELDS.length : at;
}

/** Every problem that stops the form, one message a field (the form's own first), in form order. */
export function formErrors(judged: Pick<JudgedForm, 'read' | 'rules'>): FieldMessages {
  const all: Record<string, string> = { ...judged.rules, ...judged.read };
  const keys = Object.keys(all).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, all[key]!]));
}

/**
 * What the sidebar shows beside each field as the person types, and what the server would refuse:
 * the same function. `today` is the spreadsheet's (SidebarData.today).
 */
export function checkDealForm(
  form: unknown,
  table: StageTable,
  today: CalendarDay,
  mode: FormMode,
): FormCheck {
  const stage = mode.kind === 'update' ? mode.stage : '';
  const judged = judgeForm(form, { ...NO_DEAL, stage }, table, today, mode);
  return { errors: formErrors(judged), warnings: judged.warnings };
}

/** One message for an Error: the deal, then each problem. */
export function refusal(deal: Pick<Deal, 'id' | 'deal' | 'row'>, messages: FieldMessages): string {
  return `${dealLabel(deal)}: ${Object.values(messages).join(' ')}`;
}
