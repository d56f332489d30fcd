import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  /**
   * Called on Esc and the close button; the parent decides whether to close. A click on the backdrop does
   * nothing: a stray click must not throw away a half-typed payment.
   */
  onClose: () => void;
  title: string;
  /** One line under the heading, read with it by screen readers. */
  description?: string;
  children: ReactNode;
  /** `wide` for dialogs with tables or long text. */
  size?: 'normal' | 'wide';
}

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert, keeps focus inside,
 * closes on Esc and hands focus back to what opened it when it closes. On open, focus goes to the element
 * marked `data-autofocus`, or else the first field.
 */
export function Dialog({ open, onClose, title, description, children, size = 'normal' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The native focusing steps would pick the header's close button; start where the work is instead.
      const start =
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        dialog.querySelector<HTMLElement>('input, select, textarea');
      start?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Unmounting an open dialog must still release the page it made inert.
  useEffect(() => {
    const dialog = ref.current;
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(event) => {
        // Esc: let the parent's state close it, so React and the DOM never disagree about `open`.
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="dialog-body">
          <div className="dialog-header">
            <h2 id={`${id}-title`}>{title}</h2>
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('ui.close')}
            </button>
          </div>
          {description && (
            <p id={`${id}-description`} className="dialog-description">
              {description}
            </p>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}
