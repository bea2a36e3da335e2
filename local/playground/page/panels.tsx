/**
 * The right-hand panel: the add-on's sidebar (its own HTML from dist/, in a frame 300 px wide as
 * in Sheets), or the playground's outbox (each email as its HTML renders and as its plain text)
 * or its installed triggers, each with "Run now".
 */
import { useState } from 'preact/hooks';

import type { MailView, TriggerView } from './contract';

export type Panel =
  { kind: 'sidebar'; index: number; title: string } | { kind: 'outbox' } | { kind: 'triggers' };

export function PanelView(props: {
  panel: Panel;
  outbox: MailView[];
  triggers: TriggerView[];
  onRunTrigger: (id: string) => void;
  onClose: () => void;
}) {
  const { panel } = props;
  const title = panel.kind === 'sidebar' ? panel.title : panel.kind === 'outbox' ? 'Outbox' : 'Triggers';
  return (
    <aside class={`panel panel-${panel.kind}`} aria-label={title}>
      <div class="panel-head">
        <h2>{title}</h2>
        <button type="button" class="close" aria-label={`Close ${title}`} onClick={props.onClose}>
          ×
        </button>
      </div>
      {panel.kind === 'sidebar' && (
        <iframe class="sidebar-frame" title={`${title} sidebar`} src={`/dialog?index=${panel.index}`} />
      )}
      {panel.kind === 'outbox' && <Outbox mails={props.outbox} />}
      {panel.kind === 'triggers' && <Triggers triggers={props.triggers} onRun={props.onRunTrigger} />}
    </aside>
  );
}

function Outbox({ mails }: { mails: MailView[] }) {
  const [open, setOpen] = useState<number | null>(mails[0]?.index ?? null);
  if (mails.length === 0) {
    return <p class="panel-empty">No email sent yet. Reminders go out at the Reminder Hour; try Next day.</p>;
  }
  return (
    <ul class="outbox">
      {mails.map((mail) => (
        <li key={mail.index} class="mail">
          <button
            type="button"
            class="mail-head"
            aria-expanded={open === mail.index}
            onClick={() => setOpen(open === mail.index ? null : mail.index)}
          >
            <span class="mail-subject">{mail.subject}</span>
            <span class="mail-meta">
              to {mail.to}
              {mail.cc && `, cc ${mail.cc}`} · {mail.sent}
            </span>
          </button>
          {open === mail.index && <Mail mail={mail} />}
        </li>
      ))}
    </ul>
  );
}

function Mail({ mail }: { mail: MailView }) {
  const [asText, setAsText] = useState(mail.htmlBody === null);
  return (
    <div class="mail-body">
      {mail.htmlBody !== null && (
        <div class="mail-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={!asText} onClick={() => setAsText(false)}>
            HTML
          </button>
          <button type="button" role="tab" aria-selected={asText} onClick={() => setAsText(true)}>
            Text
          </button>
        </div>
      )}
      {asText || mail.htmlBody === null ? (
        <pre class="mail-text">{mail.body}</pre>
      ) : (
        // No scripts, no same origin: an email's HTML can do here what a mail client lets it.
        <iframe class="mail-html" title={`Email: ${mail.subject}`} sandbox="" srcDoc={mail.htmlBody} />
      )}
    </div>
  );
}

function Triggers({ triggers, onRun }: { triggers: TriggerView[]; onRun: (id: string) => void }) {
  if (triggers.length === 0) {
    return (
      <p class="panel-empty">No trigger installed. Extensions › Deal Pipeline › Turn on daily reminders.</p>
    );
  }
  return (
    <ul class="triggers">
      {triggers.map((trigger) => (
        <li key={trigger.id} class="trigger">
          <div class="trigger-handler">{trigger.handler}</div>
          <div class="trigger-meta">{trigger.schedule}</div>
          <div class="trigger-meta">Runs as {trigger.owner}</div>
          <div class="trigger-meta">{trigger.next ? `Next: ${trigger.next}` : 'Will not run again'}</div>
          <button type="button" onClick={() => onRun(trigger.id)}>
            Run now
          </button>
        </li>
      ))}
    </ul>
  );
}
