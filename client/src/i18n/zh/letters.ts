import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const letters: Messages<(typeof en)['letters']> = {
  title: '信函',
  intro:
    '待打印的信函在此排队。生成批次时，每封信函都会在截止时刻重新经过合规校验：允许的信函按账目生成并登记为在寄出日期寄出，被拒绝的信函会连同所依据的规则一并剔除。退信请在对应信函上登记。',
  loading: '正在加载信函…',
  loadFailed: '无法加载信函：{message}',
  retry: '重试',
  purpose: {
    validation_notice: '债务确认通知',
    debt_statement: '债务明细',
  },
  case: {
    heading: '信函',
    preview: '预览{letter}（PDF）',
    queue: '将{letter}加入待寄队列',
    building: '正在生成PDF…',
    downloaded: '已下载 {fileName}。',
    queued: '{letter}已加入下一批打印。',
    failed: '操作未完成：{message}',
  },
  queue: {
    heading: '等待打印',
    empty: '没有等待打印的信函。',
  },
  batch: {
    mailingDate: '寄出日期',
    build: '生成批次并下载压缩包',
    building: '正在生成批次…',
    built: '本批次共 {mailed} 封信函，{withheld} 封被暂扣。',
    failed: '无法生成或获取批次：{message}',
  },
  batches: {
    heading: '最近批次',
    empty: '尚未生成任何批次。',
    title: '寄出日期 {mailingDate}（截止时刻 {cutoff}）',
    counts: '已寄出 {mailed} 封，暂扣 {withheld} 封。',
    download: '下载压缩包',
    lettersOf: '{mailingDate} 寄出批次的信函',
  },
  column: {
    account: '账户',
    debtor: '债务人',
    letter: '信函',
    requestedAt: '申请时间',
    state: '状态',
    pages: '页数',
    actions: '操作',
  },
  state: {
    queued: '排队中',
    mailed: '已寄出',
    withheld: '已暂扣',
    withheldBy: '因 {ruleId} 暂扣',
    returned: '已退信',
  },
  markReturned: '登记退信',
  returned: '已为 {accountRef} 登记退信。',
  returnFailed: '无法登记退信：{message}',
};
