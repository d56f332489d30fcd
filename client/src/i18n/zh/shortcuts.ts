import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const shortcuts: Messages<(typeof en)['shortcuts']> = {
  button: '快捷键',
  heading: '键盘快捷键',
  intro: '未在输入框中输入文字时，快捷键才会生效。',
  or: '或',
  column: { key: '按键', action: '功能', where: '适用范围' },
  action: {
    nextCase: '领取下一案件',
    moveRows: '在工作队列中上下移动',
    search: '跳转到搜索框',
    logCall: '记录通话',
    promise: '记录承诺还款',
    payment: '记录还款',
    closeDialog: '关闭对话框',
    help: '显示本列表',
  },
  where: {
    workbench: '工作队列和案件页',
    queue: '工作队列',
    lists: '工作队列和案件列表',
    case: '案件页',
    dialog: '对话框',
    everywhere: '所有页面',
  },
};
