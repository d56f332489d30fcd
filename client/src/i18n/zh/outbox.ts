import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const outbox: Messages<(typeof en)['outbox']> = {
  pageTitle: '发件箱',
  intro:
    '各渠道已发送或尝试发送的全部消息（按时间倒序）及其投递状态。发送失败的消息可以重试：发送前会再次经过合规规则审核。',
  loading: '正在加载发件箱…',
  loadFailed: '无法加载发件箱：{message}',
  reload: '重试',
  empty: '没有符合条件的消息。',
  tableLabel: '外发消息',
  total: '{count, plural, other {共 {formattedCount} 条消息}}',
  column: {
    created: '创建时间',
    channel: '渠道',
    state: '状态',
    recipient: '收件人',
    provider: '服务商',
    case: '案件',
    actions: '操作',
  },
  channel: { email: '电子邮件', sms: '短信', app_push: '应用推送', letter: '信函' },
  state: {
    queued: '排队中',
    sent: '已发送',
    delivered: '已送达',
    failed: '发送失败',
    bounced: '已退信',
    undeliverable: '无法投递',
    refused: '被规则拒绝',
  },
  provider: { dev: '开发发件箱', smtp: 'SMTP', push: '债权人推送' },
  filter: { channel: '渠道', state: '状态', all: '全部' },
  showTimeline: '投递记录',
  retry: '重试',
  retryQueued: '该消息已重新排队，发送前会再次经过规则审核。',
  retryFailed: '无法重试该消息：{message}',
  timeline: {
    heading: '投递记录：{recipient}',
    loading: '正在加载投递记录…',
    loadFailed: '无法加载投递记录：{message}',
    attempt: '（第 {attempt} 次尝试）',
  },
};
