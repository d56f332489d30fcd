import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const replies: Messages<(typeof en)['replies']> = {
  heading: '债务人发来的短信',
  listLabel: '债务人发来的短信（最新在前）',
  failed: '无法加载债务人发来的短信。',
  received: '收到短信',
  classification: {
    stop: '收到时即判定为退订：已停止向该号码发送短信，并撤回自动拨号同意。',
    help: '请求帮助：已回复本机构名称和电话。',
    unclassified: '尚未阅读：在有人分类之前，暂停向该号码发送短信。',
  },
  readAs: {
    stop: '已分类为退订：已停止向该号码发送短信，并撤回自动拨号同意。',
    not_stop: '已分类为非退订请求：可以恢复向该号码发送短信。',
  },
  markStop: '表示退订',
  markNotStop: '不是退订请求',
  classifyFailed: '无法对该回复分类：{message}',
  toRead: {
    heading: '待阅读的回复（{count}）',
    intro: '在有人于案件页面阅读并分类回复之前，暂停向这些号码发送短信。',
  },
};
