import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const integrations: Messages<(typeof en)['integrations']> = {
  pageTitle: '系统集成',
  intro:
    '供外呼系统或软电话等外部系统使用的 API 密钥。密钥只能用于其指定的团队（及资产包）；其请求与坐席操作一样经过合规规则判定，每次使用都会记入审计。接口的 OpenAPI 文档：',
  loading: '正在加载密钥…',
  loadFailed: '无法加载密钥：{message}',
  retry: '重试',
  list: {
    heading: 'API 密钥',
    empty: '还没有 API 密钥，请在下方创建。',
  },
  column: {
    name: '名称',
    prefix: '密钥开头',
    scope: '适用范围',
    created: '创建时间',
    lastUsed: '最近使用',
    status: '状态',
    actions: '操作',
  },
  scope: {
    teams: '团队：{names}',
    allPortfolios: '全部资产包',
    portfolios: '资产包：{names}',
  },
  never: '从未使用',
  active: '有效',
  revokedAt: '已于 {at} 吊销',
  revoke: '吊销{name}',
  confirm: {
    title: '确定吊销{name}？',
    body: '密钥将立即失效，使用它的所有请求都会被拒绝。此操作无法撤销，如有需要可另建新密钥。',
    submit: '吊销密钥',
    pending: '正在吊销…',
    cancel: '取消',
  },
  create: {
    heading: '创建密钥',
    name: '名称',
    nameHint: '使用方，例如“二楼外呼系统”。',
    nameRequired: '请输入名称',
    teams: '团队',
    teamsRequired: '请至少选择一个团队',
    portfolios: '资产包',
    portfoliosHint: '不选择则适用于所选团队的全部资产包。',
    submit: '创建密钥',
    pending: '正在创建…',
  },
  created: {
    heading: '{name} 的密钥',
    warning: '请立即复制密钥：它只显示这一次，系统仅保存其指纹。',
    label: 'API 密钥',
    copy: '复制密钥',
    copied: '已复制',
    copyFailed: '无法复制，请选中密钥手动复制。',
    done: '我已复制',
  },
};
