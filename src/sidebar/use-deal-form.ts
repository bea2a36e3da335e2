/**
 * The state every deal form keeps: what was typed, which errors to show, and the server's word.
 * An error shows once its field was left or the form was submitted, then follows each keystroke
 * (so it clears the moment the value is right); a server error stays until its field is edited.
 */
import { useState } from 'preact/hooks';

import { fieldId } from './field';
import type { FieldMessages, FormKey, FormValues } from './form';
import { fieldOfMessage } from './form';
import { failureMessage } from './server';

interface DealFormState {
  values: FormValues;
  set(key: FormKey, value: string): void;
  leave(key: FormKey): void;
  /** The error to show beside `key`, given what validation finds now. */
  shownError(key: FormKey, errors: FieldMessages): string | undefined;
  submitted(): void;
  serverError(key: FormKey, message: string): void;
  reset(values: FormValues): void;
}

export function useDealForm(initial: () => FormValues): DealFormState {
  const [values, setValues] = useState<FormValues>(initial);
  const [left, setLeft] = useState<ReadonlySet<FormKey>>(new Set());
  const [wasSubmitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState<FieldMessages>({});
  return {
    values,
    set(key, value) {
      setValues((before) => ({ ...before, [key]: value }));
      setFromServer((before) => (key in before ? { ...before, [key]: undefined } : before));
    },
    leave(key) {
      setLeft((before) => (before.has(key) ? before : new Set(before).add(key)));
    },
    shownError(key, errors) {
      return fromServer[key] ?? (wasSubmitted || left.has(key) ? errors[key] : undefined);
    },
    submitted() {
      setSubmitted(true);
    },
    serverError(key, message) {
      setFromServer({ [key]: message });
    },
    reset(next) {
      setValues(next);
      setLeft(new Set());
      setSubmitted(false);
      setFromServer({});
    },
  };
}

/**
 * A refusal from the server: beside the field its message names (and focused), or, when it names
 * none of `keys`, the message for the caller to show at the top.
 */
export function placeRefusal(
  form: DealFormState,
  error: unknown,
  keys: readonly FormKey[],
  idPrefix: string,
): string | null {
  const message = failureMessage(error);
  const key = fieldOfMessage(message, keys);
  if (!key) return message;
  form.serverError(key, message);
  focusLater(fieldId(idPrefix, { key }));
  return null;
}

/** Moves keyboard focus to a field, after the render that shows its error. */
export function focusLater(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
