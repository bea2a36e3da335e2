/**
 * One labelled form control for a Deals column, with its error (or warning) under it. That region
 * is always rendered and polite-live, so a screen reader announces an error when it appears; the
 * control points at it with aria-describedby and says aria-invalid.
 */
import type { Ref } from 'preact';

import type { FormField } from './form';

interface FieldProps {
  /** Keeps ids unique when two forms show the same column. */
  idPrefix: string;
  field: FormField;
  value: string;
  error?: string | undefined;
  /** Shown, less loudly, when there is no error: worth a look, but saved. */
  warning?: string | undefined;
  required: boolean;
  hint?: string | undefined;
  /** A select's choices (Stage), or a datalist's id for suggestions (Owner). */
  choices?: readonly string[];
  suggestions?: string;
  inputRef?: Ref<HTMLInputElement>;
  onValue(value: string): void;
  onLeave?(): void;
}

const PLACEHOLDERS: Partial<Record<FormField['key'], string>> = {
  email: 'ana@customer.com',
  owner: 'you@team.com',
  amount: '12000',
  probability: 'blank: the stage’s',
};

export function fieldId(idPrefix: string, field: Pick<FormField, 'key'>): string {
  return `${idPrefix}-${field.key}`;
}

export function Field(props: FieldProps) {
  const { field, value, error, required } = props;
  const id = fieldId(props.idPrefix, field);
  const describedBy = [props.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.key,
    value,
    'aria-required': required,
    'aria-invalid': Boolean(error),
    'aria-describedby': describedBy,
    onInput: (event: Event) => props.onValue((event.currentTarget as HTMLInputElement).value),
    onBlur: () => props.onLeave?.(),
  };
  let control;
  if (props.choices) {
    control = (
      <select {...common}>
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  } else if (field.key === 'notes') {
    control = <textarea {...common} rows={3} />;
  } else {
    const type = field.type === 'date' ? 'date' : field.type === 'phone' ? 'tel' : 'text';
    const inputMode =
      field.type === 'email'
        ? 'email'
        : field.type === 'money' || field.type === 'percent'
          ? 'decimal'
          : undefined;
    control = (
      <input
        {...common}
        ref={props.inputRef}
        type={type}
        inputMode={inputMode}
        list={props.suggestions}
        placeholder={PLACEHOLDERS[field.key]}
        autoComplete="off"
        spellcheck={field.type === 'text'}
      />
    );
  }
  return (
    <div class="form-group">
      <label for={id}>
        {field.header}
        {required && (
          // aria-required says it to a screen reader; the star is for the eye.
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {control}
      {props.hint && (
        <div id={`${id}-hint`} class="hint">
          {props.hint}
        </div>
      )}
      <div id={`${id}-error`} class={error ? 'field-error' : 'field-warning'} aria-live="polite">
        {error ?? props.warning}
      </div>
    </div>
  );
}
