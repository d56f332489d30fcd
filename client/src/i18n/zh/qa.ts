import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const qa: Messages<(typeof en)['qa']> = {
  pageTitle: '质检抽样',
  intro:
    '每日抽取一批联系记录供复核，按风险加权，并覆盖当天出现的每一种抽样原因，避免常见风险挤占少见风险。同一天的样本始终相同，对每位复核人都一样。',
  filtersLabel: '质检抽样筛选',
  date: '日期',
  team: '团队',
  allTeams: '全部团队',
  loading: '正在抽样…',
  loadFailed: '无法加载样本：{message}',
  retry: '重试',
  empty: '您的权限范围内当天没有联系记录。',
  summary: '{count, plural, other {从当天 {population} 条联系记录中抽取了 # 条。}}',
  tableLabel: '待复核的联系记录',
  column: {
    at: '时间',
    case: '案件',
    agent: '催收员',
    contact: '联系',
    why: '抽取原因',
    weight: '权重',
    review: '复核',
    actions: '操作',
  },
  baseline: '随机抽查',
  reason: {
    near_cap: '接近联系频次上限',
    window_edge: '临近可联系时段边界',
    after_dispute: '提出异议之后',
    after_cease: '要求停止联系之后',
    overridden: '经例外放行执行',
    agent_complaints: '催收员有投诉记录',
    warned: '附警告放行',
  },
};
