import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const shortcuts: Messages<(typeof en)['shortcuts']> = {
  button: 'Shortcuts',
  heading: 'Keyboard shortcuts',
  intro: 'Keys work when you are not typing in a field.',
  or: 'or',
  column: { key: 'Key', action: 'Does', where: 'Where' },
  action: {
    nextCase: 'Take the next case',
    moveRows: 'Move down or up the queue',
    search: 'Jump to search',
    logCall: 'Log a call',
    promise: 'Record a promise',
    payment: 'Record a payment',
    closeDialog: 'Close a dialog',
    help: 'Show this list',
  },
  where: {
    workbench: 'Queue and case',
    queue: 'Queue',
    lists: 'Queue and cases',
    case: 'Case',
    dialog: 'Dialogs',
    everywhere: 'Everywhere',
  },
};
