import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const ladder: Messages<(typeof en)['ladder']> = {
  heading: '夜间流转的催收阶梯规则',
  intro:
    '夜间流转按以下逾期天数，将资产包中的案件分配给催收员、标记为待委外、标记为待法务审核。实际委外和提起诉讼仍需主管审批。',
  loading: '正在加载催收阶梯规则…',
  loadFailed: '无法加载催收阶梯规则：{message}',
  defaults: '默认值',
  inputLabel: '{portfolio}的{rung}',
  save: '保存',
  saved: '已保存',
  saveFor: '保存{portfolio}的催收阶梯规则',
  column: {
    portfolio: '资产包',
    agentFromDays: '转催收员起始（天）',
    agencyFromDays: '待委外起始（天）',
    legalFromDays: '待法务审核起始（天）',
    actions: '操作',
  },
  runs: {
    heading: '最近的夜间流转',
    empty: '夜间流转尚未运行过。',
    status: { running: '运行中', done: '已完成', failed: '失败' },
    summary:
      '{scanned, plural, other {# 个案件}}；{agent, plural, other {# 个}}分配给催收员，{agency, plural, other {# 个}}转为待委外，{legal, plural, other {# 个}}转入法务审核；{broken, plural, other {# 个}}承诺还款违约',
  },
};
