/**
 * What Sheets lays over the grid: alerts (title, message, buttons), the add-on's modal dialogs
 * (its HTML in a frame of the size it asked for), the playground's own questions and reports in
 * the same look, and toasts in the bottom-right corner that go after their timeout.
 */
import { useEffect } from 'preact/hooks';

import type { AlertView, DialogView } from './contract';

export type Modal =
  | { kind: 'alert'; alert: AlertView }
  | { kind: 'dialog'; dialog: DialogView }
  | { kind: 'confirm'; title: string; message: string; onConfirm: () => void }
  | { kind: 'report'; title: string; lines: string[] };

export interface ShownToast {
  key: number;
  title: string;
  message: string;
  /** Seconds it stays; 0 or less: until closed. */
  timeoutSeconds: number;
  error?: boolean;
}

export function ModalView({ modal, onClose }: { modal: Modal; onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const title =
    modal.kind === 'alert' ? modal.alert.title : modal.kind === 'dialog' ? modal.dialog.title : modal.title;
  return (
    <div class="overlay">
      <div class="modal" role="dialog" aria-modal="true" aria-label={title || 'Message'}>
        <div class="modal-head">
          <h2>{title}</h2>
          <button type="button" class="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <ModalBody modal={modal} onClose={onClose} />
      </div>
    </div>
  );
}

function ModalBody({ modal, onClose }: { modal: Modal; onClose: () => void }) {
  switch (modal.kind) {
    case 'alert':
      // The script already had its answer (the emulator gives the first button): these only close.
      return (
        <>
          <p class="modal-text">{modal.alert.prompt}</p>
          <div class="modal-buttons">
            {modal.alert.buttons.map((button, i) => (
              <button key={button} type="button" class={i === 0 ? 'primary' : undefined} onClick={onClose}>
                {button}
              </button>
            ))}
          </div>
        </>
      );
    case 'dialog':
      return (
        <iframe
          class="dialog-frame"
          title={modal.dialog.title}
          src={`/dialog?index=${modal.dialog.index}`}
          style={{ width: `${modal.dialog.width ?? 600}px`, height: `${modal.dialog.height ?? 400}px` }}
        />
      );
    case 'confirm':
      return (
        <>
          <p class="modal-text">{modal.message}</p>
          <div class="modal-buttons">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => {
                onClose();
                modal.onConfirm();
              }}
            >
              OK
            </button>
          </div>
        </>
      );
    case 'report':
      return (
        <>
          {modal.lines.map((line, i) => (
            <p key={i} class="modal-text">
              {line}
            </p>
          ))}
          <div class="modal-buttons">
            <button type="button" class="primary" onClick={onClose}>
              OK
            </button>
          </div>
        </>
      );
  }
}

export function Toasts({ toasts, onClose }: { toasts: ShownToast[]; onClose: (key: number) => void }) {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastView key={toast.key} toast={toast} onClose={() => onClose(toast.key)} />
      ))}
    </div>
  );
}

function ToastView({ toast, onClose }: { toast: ShownToast; onClose: () => void }) {
  useEffect(() => {
    if (toast.timeoutSeconds <= 0) return;
    const timer = setTimeout(onClose, toast.timeoutSeconds * 1000);
    return () => clearTimeout(timer);
  }, [toast.key]);
  return (
    <div class={toast.error ? 'toast error' : 'toast'}>
      <div class="toast-text">
        {toast.title && <strong>{toast.title}</strong>}
        <span>{toast.message}</span>
      </div>
      <button type="button" class="close" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
