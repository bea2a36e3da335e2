/**
 * New deal: a field for every Deals column a person fills in, checked as they type by the core's
 * checkDealForm (the server's own check), sent to addDeal only when nothing is wrong. A new deal
 * starts in an open stage, so Lost Reason is offered only when the chosen stage requires it.
 * Owner suggests the team's owners and starts as the current user, when Google says who that is.
 */
import { useState } from 'preact/hooks';

import type { SidebarData } from '../core/sidebar/contract';
import { countOf } from '../core/wording';
import { Field, fieldId } from './field';
import type { FormKey, FormValues } from './form';
import { dealFormOf, FORM_FIELDS, formField, formProblems, requiredKeys } from './form';
import { server } from './server';
import { focusLater, placeRefusal, useDealForm } from './use-deal-form';

const ID = 'new';
const ADD = { kind: 'add' } as const;

export function NewDeal(props: { data: SidebarData; onSaved(): void }) {
  const { data } = props;
  const openStages = data.stages.filter((stage) => stage.kind === 'open');
  const blank = (): FormValues => ({ stage: openStages[0]?.name ?? '', owner: data.user });
  const form = useDealForm(blank);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState('');

  const stage = openStages.find((s) => s.name === form.values.stage);
  const required = requiredKeys(stage);
  // Stage first: it decides which of the fields below are required.
  const keys: FormKey[] = [
    'stage',
    ...FORM_FIELDS.map((field) => field.key).filter(
      (key) => key !== 'stage' && (key !== 'lostReason' || required.includes(key)),
    ),
  ];
  const problems = formProblems(form.values, keys, data, ADD);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    form.submitted();
    setStatus('');
    const wrong = keys.filter((key) => problems.errors[key]);
    if (wrong.length > 0 || problems.other.length > 0) {
      const headers = wrong.map((key) => formField(key).header).join(', ');
      setAlert(
        [
          wrong.length > 0 ? `${countOf(wrong.length, 'field')} to fix: ${headers}.` : '',
          ...problems.other,
        ].join(' '),
      );
      if (wrong[0]) focusLater(fieldId(ID, { key: wrong[0] }));
      return;
    }
    setAlert('');
    setSaving(true);
    const sent = dealFormOf(form.values, keys);
    try {
      const saved = await server.addDeal(sent);
      form.reset(blank());
      setStatus(`Added ${saved.id} “${sent.deal ?? ''}” in row ${saved.row} of Deals.`);
      focusLater(fieldId(ID, { key: 'deal' }));
      props.onSaved();
    } catch (error) {
      const top = placeRefusal(form, error, keys, ID);
      if (top !== null) setAlert(top);
    } finally {
      setSaving(false);
    }
  }

  const field = (key: FormKey) => (
    <Field
      key={key}
      idPrefix={ID}
      field={formField(key)}
      value={form.values[key] ?? ''}
      error={form.shownError(key, problems.errors)}
      warning={problems.warnings[key]}
      required={required.includes(key)}
      choices={key === 'stage' ? openStages.map((s) => s.name) : undefined}
      suggestions={key === 'owner' ? `${ID}-owners` : undefined}
      onValue={(value) => form.set(key, value)}
      onLeave={() => form.leave(key)}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>New deal</h2>
      <p class="gray">
        <span class="required">*</span> required in stage {stage?.name ?? '—'}
      </p>
      <div class="status block" role="status">
        {status}
      </div>
      <div class="alert block" role="alert">
        {alert}
      </div>
      {keys.map(field)}
      <datalist id={`${ID}-owners`}>
        {data.owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>
      <button type="submit" class="action" disabled={saving}>
        {saving ? 'Adding…' : 'Add deal'}
      </button>
    </form>
  );
}
