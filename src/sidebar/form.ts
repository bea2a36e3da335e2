/**
 * The deal forms' plain logic: which fields a person fills in, what a form sends, what the core's
 * checkDealForm (the very check the server runs) says about each field, and which field a server
 * message is about.
 */
import { DEAL_FIELDS } from '../core/columns';
import { parseIsoDay } from '../core/dates';
import type { DealForm, SidebarData, StageInfo } from '../core/sidebar/contract';
import type { FormMode } from '../core/sidebar/form';
import { checkDealForm } from '../core/sidebar/form';

/** The Deals columns a person fills in, in sheet order. */
export const FORM_FIELDS = DEAL_FIELDS.filter((field) => field.filledBy === 'user');
export type FormField = (typeof FORM_FIELDS)[number];
export type FormKey = FormField['key'];
export type FormValues = Partial<Record<FormKey, string>>;
export type FieldMessages = Partial<Record<FormKey, string>>;

export function formField(key: FormKey): FormField {
  return FORM_FIELDS.find((field) => field.key === key)!;
}

/** The fields a deal must have to be in `stage`: its Required Fields, and a Lost Reason to be lost. */
export function requiredKeys(stage: StageInfo | undefined): FormKey[] {
  if (!stage) return [];
  const keys = FORM_FIELDS.map((field) => field.key).filter((key) => stage.required.includes(key));
  return stage.kind === 'lost' && !keys.includes('lostReason') ? [...keys, 'lostReason'] : keys;
}

/** What the server gets: trimmed values of `keys`; a blank field is left out ("not given"). */
export function dealFormOf(values: FormValues, keys: readonly FormKey[]): DealForm {
  const form: DealForm = {};
  for (const key of keys) {
    const value = values[key]?.trim() ?? '';
    if (value !== '') form[key] = value;
  }
  return form;
}

export interface FormProblems {
  /** What stops the form, by field. */
  errors: FieldMessages;
  /** Worth a second look, but saved (a Close Date that has passed). */
  warnings: FieldMessages;
  /** What is wrong with the form as a whole, or with a field it does not show. */
  other: string[];
}

/** The core's verdict on the fields `keys` of a form, split by where the sidebar shows it. */
export function formProblems(
  values: FormValues,
  keys: readonly FormKey[],
  data: Pick<SidebarData, 'table' | 'today'>,
  mode: FormMode,
): FormProblems {
  // The server always sends its table; an empty one would refuse every stage, never pass one.
  const table = data.table ?? { stages: [] };
  const check = checkDealForm(dealFormOf(values, keys), table, parseIsoDay(data.today) ?? 0, mode);
  const problems: FormProblems = { errors: {}, warnings: {}, other: [] };
  for (const [key, message] of Object.entries(check.errors)) {
    if ((keys as readonly string[]).includes(key)) problems.errors[key as FormKey] = message;
    else problems.other.push(message);
  }
  for (const [key, message] of Object.entries(check.warnings)) {
    if ((keys as readonly string[]).includes(key)) problems.warnings[key as FormKey] = message;
  }
  return problems;
}

/**
 * The field a server message is about, among `keys`: the message, or what follows the deal it
 * names ("D-0042 "Acme": …"), starts with the field's header and then a colon or a word in lower
 * case ("Email: …", "Amount must be …"). Anything else is about the whole deal: in "Deal D-0042
 * was not found" the header is followed by a name.
 */
export function fieldOfMessage(message: string, keys: readonly FormKey[]): FormKey | null {
  const starts = [0, ...[...message.matchAll(/: /g)].map((match) => (match.index ?? 0) + 2)];
  for (const start of starts) {
    const rest = message.slice(start);
    for (const field of FORM_FIELDS) {
      if (!keys.includes(field.key) || !rest.toLowerCase().startsWith(field.header.toLowerCase())) continue;
      if (/^(:|\s+[a-z])/.test(rest.slice(field.header.length))) return field.key;
    }
  }
  return null;
}
