import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { KeyHint } from '../../../components/ui/key-hint.tsx';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { useHotkeys } from '../../../hooks/use-hotkeys.ts';

/** Every key of the workbench, where it works, in the order an agent meets them. */
const SHORTCUTS = [
  { keys: ['n'], action: 'nextCase', where: 'workbench' },
  { keys: ['j', 'k'], action: 'moveRows', where: 'queue' },
  { keys: ['/'], action: 'search', where: 'lists' },
  { keys: ['c'], action: 'logCall', where: 'case' },
  { keys: ['p'], action: 'promise', where: 'case' },
  { keys: ['$'], action: 'payment', where: 'case' },
  { keys: ['Esc'], action: 'closeDialog', where: 'dialog' },
  { keys: ['?'], action: 'help', where: 'everywhere' },
] as const;

/**
 * The `?` overlay: a dialog listing every shortcut, opened by the key or the header button. Keys never fire
 * while typing in a field or while a dialog is open.
 */
export function KeyboardHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useHotkeys({ '?': () => setOpen(true) });

  return (
    <>
      <button
        type="button"
        className="button header-button"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        {t('shortcuts.button')} <KeyHint keyName="?" />
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('shortcuts.heading')}
        description={t('shortcuts.intro')}
      >
        <table className="shortcut-table">
          <TableHead
            columns={[t('shortcuts.column.key'), t('shortcuts.column.action'), t('shortcuts.column.where')]}
          />
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && ` ${t('shortcuts.or')} `}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(`shortcuts.action.${shortcut.action}`)}</td>
                <td>{t(`shortcuts.where.${shortcut.where}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </>
  );
}
