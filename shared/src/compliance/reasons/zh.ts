import { chineseAmount, chineseDate } from '../../domain/chinese-text.ts';
import type { ActionKind, ContactPointKind, OptOutChannel } from '../actions.ts';
import { formatMinute } from '../format.ts';
import { DAY_MS } from '../instant.ts';
import type { MessageTable } from './codes.ts';

/**
 * The reasons in Simplified Chinese: the same facts as en.ts from the same parameters, worded as a Chinese
 * compliance officer would write them (债务人, 当地时间, 上限为…次). Times stay 24-hour HH:MM and zones their IANA ids.
 */

/** What an action does, as the verb phrase "only between … may one …" takes. */
const ACTION_VERBS: Readonly<Record<ActionKind, string>> = {
  call: '拨打电话',
  autodial_call: '自动拨号外呼',
  voicemail: '留语音留言',
  sms: '发送短信',
  email: '发送电子邮件',
  letter: '寄送信函',
  app_push: '发送应用推送通知',
  field_visit: '上门拜访',
  third_party_contact: '联系第三方',
  agency_placement: '委外催收',
  legal_filing: '提起诉讼',
};

/** "This call", "this text message": the proposed action with its measure word. */
const THIS_ACTION: Readonly<Record<ActionKind, string>> = {
  call: '本次电话',
  autodial_call: '本次自动拨号电话',
  voicemail: '本条语音留言',
  sms: '本条短信',
  email: '本封电子邮件',
  letter: '本封信函',
  app_push: '本条应用推送通知',
  field_visit: '本次上门拜访',
  third_party_contact: '本次第三方联系',
  agency_placement: '本次委外催收',
  legal_filing: '本次起诉',
};

const POINT_LABELS: Readonly<Record<ContactPointKind, string>> = {
  mobile: '手机号码',
  landline: '固定电话',
  work_phone: '工作电话',
  email: '电子邮箱',
  home_address: '住址',
  work_address: '工作地址',
  app: '应用',
};

const CHANNEL_LABELS: Readonly<Record<OptOutChannel, string>> = {
  phone: '电话',
  sms: '短信',
  email: '电子邮件',
  letter: '信函',
  app_push: '应用推送通知',
  field_visit: '上门拜访',
};

/** Third-party relationships (actions.ts RELATIONSHIPS); one this table lacks shows as stored. */
const RELATIONSHIPS: Readonly<Record<string, string>> = {
  spouse: '配偶',
  parent_of_minor: '父母（债务人为未成年人）',
  guardian: '监护人',
  executor: '遗嘱执行人',
  administrator: '遗产管理人',
  personal_representative: '遗产代理人',
  attorney: '代理律师',
  parent: '父母',
  child: '子女',
  relative: '亲属',
  friend: '朋友',
  neighbor: '邻居',
  colleague: '同事',
  employer: '雇主',
};

/** A local day number as "6月4日". */
function day(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

function dayRange(last: number, days: number): string {
  return days === 1 ? day(last) : `${day(last - days + 1)}至${day(last)}`;
}

/** An instant on a zone's wall clock, e.g. "6月10日21:30（America/New_York）". */
function local({ minute, day: dayNumber, zone }: { minute: number; day: number; zone: string }): string {
  return `${day(dayNumber)}${formatMinute(minute)}（${zone}）`;
}

const PROVENANCE_LABELS = {
  debtor_used: '债务人曾使用该地址',
  debtor_given: '债务人直接提供了该地址',
  creditor_used: '债权人曾使用该地址',
  employer: '该地址属于债务人的雇主',
} as const;

/** What an address is called for a message kind: a number for texts, an address otherwise. */
function addressOf(kind: ActionKind): string {
  return kind === 'sms' ? '号码' : '地址';
}

function thirdParty(relationship: string | null): string {
  if (relationship === null) return '身份不明的第三方';
  if (relationship === 'unknown') return '与债务人无已知关系的人员';
  return `债务人的${RELATIONSHIPS[relationship] ?? relationship.replaceAll('_', ' ')}`;
}

export const ZH: MessageTable = {
  outsideContactHours: (p) =>
    `债务人当地时间现为${local(p)}；仅可在当地时间${formatMinute(p.from)}至${formatMinute(p.to)}之间${ACTION_VERBS[p.kind]}。`,
  inconvenientTime: (p) =>
    `债务人表示${formatMinute(p.windowFrom)}至${formatMinute(p.windowTo)}不便接受联系；其当地时间现为${local(p)}。`,
  inconvenientPlace: (p) => `债务人表示不便通过此${POINT_LABELS[p.pointKind]}接受联系。`,
  callCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}，债务人当地时间）已就该笔债务拨打电话${p.made}次；上限为${p.max}次。`,
  recentConversation: (p) =>
    `债务人已于${day(p.conversationDay)}（债务人当地时间）就该笔债务进行电话沟通；${day(p.untilDay)}之前不得再就该笔债务致电。`,
  optedOut: (p) => {
    const where = p.pointKind === null ? '' : `通过此${POINT_LABELS[p.pointKind]}`;
    const by = p.channel === null ? '' : `以${CHANNEL_LABELS[p.channel]}方式`;
    return `债务人已于${day(p.day)}要求不再${where}${by}与其联系。`;
  },
  ceaseRequested: (p) =>
    `债务人已于${chineseDate(p.date)}书面要求停止催收；此后仅可寄送确认终止催收或说明拟采取的具体救济措施的信函。`,
  representedByAttorney: (p) => `债务人已就该笔债务委托律师（${p.attorney}）代理；请改为联系该律师。`,
  employerProhibits: (p) => `债务人的雇主禁止通过此${POINT_LABELS[p.pointKind]}进行催收联系。`,
  thirdPartyLocationOnly: (p) =>
    `${thirdParty(p.relationship)}属于第三方：仅可向其询问如何联系到债务人，不得向其透露该笔债务。`,
  thirdPartyAlreadyContacted: (p) =>
    `已于${day(p.day)}为查询债务人下落联系过${thirdParty(p.relationship)}；同一第三方仅可联系一次。`,
  locationContactDisclosesDebt: () =>
    '该消息表明发送方为债务催收方；为查询债务人下落而进行的联系不得提及该笔债务。',
  disputeOpen: (p) =>
    `债务人已于${chineseDate(p.date)}对该笔债务提出异议，核实材料尚未寄出；寄出之前暂停催收。`,
  validationOverdue: (p) =>
    `债务确认信息应于${day(p.dueDay)}之前发送（首次联系日期为${day(p.firstDay)}），但至今尚未发送。`,
  limitationsExpired: (p) =>
    `该笔债务的诉讼时效已于${chineseDate(p.date)}届满；不得提起诉讼，亦不得以提起诉讼相威胁。`,
  optOutInstructionMissing: (p) => `${THIS_ACTION[p.kind]}未载明退订方式；每条电子消息都必须说明如何退订。`,
  initialDisclosureMissing: (p) =>
    `${THIS_ACTION[p.kind]}属于首次联系：必须说明这是在催收债务，且所获取的任何信息都将用于该目的。`,
  collectorDisclosureMissing: (p) => `${THIS_ACTION[p.kind]}必须表明其来自债务催收方。`,
  debtorDeceased: () => '债务人已去世；仅可联系其遗产的遗嘱执行人、遗产管理人或遗产代理人。',
  bankruptcyStay: (p) => `债务人已于${chineseDate(p.date)}提交破产申请；破产自动中止期间禁止催收。`,
  noConsent: (p) =>
    `债务人从未同意通过此手机号码接收${p.kind === 'sms' ? '短信' : '自动拨号电话或预录语音电话'}。`,
  consentRevoked: (p) => `债务人已于${day(p.day)}撤回对此号码接收自动拨号电话和短信的同意。`,
  quickRedial: (p) =>
    `过去${p.minutes}分钟内已向此号码拨打${p.unanswered}次未接通的电话；短时间内再次拨打可能构成骚扰。`,
  manyCallsToday: (p) =>
    `这将是今日向此号码拨打的第${p.call}次电话；一天内向同一号码拨打${p.max}次电话可能构成骚扰。`,
  personalNumbersCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}，债务人当地时间）已就该笔债务向债务人的个人号码拨打电话或发送短信${p.made}次；马萨诸塞州规定上限为${p.max}次。`,
  otherNumbersCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}，债务人当地时间）已就该笔债务向债务人的其他号码拨打电话或发送短信${p.made}次；马萨诸塞州规定上限为${p.max}次。`,
  visitOutsideHours: (p) =>
    `债务人当地时间现为${local(p)}；马萨诸塞州仅允许在${formatMinute(p.from)}至${formatMinute(p.to)}之间上门拜访。`,
  visitCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}，债务人当地时间）已就该笔债务上门拜访${p.made}次；马萨诸塞州规定上限为${p.max}次。`,
  communicationCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}，债务人当地时间）已就该笔债务与债务人联系${p.made}次；华盛顿州规定上限为${p.max}次。`,
  workplaceCapReached: (p) =>
    `截至今日的${p.days}天内（${dayRange(p.day, p.days)}）已就该笔债务联系债务人的工作单位${p.made}次；华盛顿州规定上限为${p.max}次。`,
  collectionOutsideHours: (p) =>
    `债务人当地时间现为${local(p)}；除债务人同意的其他时间外，仅可在${formatMinute(p.from)}至${formatMinute(p.to)}之间进行催收。`,
  dailyDialCapReached: (p) =>
    `${day(p.day)}（债务人当地时间）已向此号码拨打${p.unanswered}次未接通的电话；每日上限为${p.max}次。`,
  thirdPartyNotAllowed: (p) => {
    const problems: string[] = [];
    if (p.unrelated) problems.push('其与债务人无关联');
    if (p.notAgreed) problems.push('债务人未同意此项联系');
    if (p.reachable) problems.push('仍可联系到债务人本人');
    if (p.disclosesDebt) problems.push('此项联系会透露该笔债务');
    return `不得联系${thirdParty(p.relationship)}：${problems.join('；')}。`;
  },
  visitNotRecorded: () => '上门拜访必须注明其全程录音录像的存档编号。',
  approvalNeeded: (p) => `${ACTION_VERBS[p.kind]}须经主管审批并在案件中留存记录。`,
  onHold: (p) => `案件暂缓催收，直至${local(p)}。`,
  caseClosed: () => '案件已结案；不得采取任何催收行动。',
  belowPlacementMinimum: (p) =>
    `余额${chineseAmount(p.amountMinor, p.currency)}低于委外催收所需的最低金额${chineseAmount(p.minimumMinor, p.currency)}。`,
  addressOriginNotAllowed: (p) =>
    p.provenance === null
      ? `未记录此${addressOf(p.kind)}的来源；仅可向债务人使用过或直接提供的${addressOf(p.kind)}${ACTION_VERBS[p.kind]}。`
      : `不得向此${addressOf(p.kind)}${ACTION_VERBS[p.kind]}：${PROVENANCE_LABELS[p.provenance]}。`,
  creditorNoticePending: (p) =>
    p.noticeDay === null || p.untilDay === null
      ? `此${addressOf(p.kind)}由债权人使用过，但没有债权人向债务人发出退订通知的记录。`
      : `债权人已于${day(p.noticeDay)}发出退订通知；自${day(p.untilDay)}起方可使用此${addressOf(p.kind)}。`,
  reassignedCheckStale: (p) =>
    p.checkedDay === null
      ? `此号码从未在重新分配号码数据库中核查过；发送短信须在${p.days}天内核查。`
      : `此号码最近一次在重新分配号码数据库中核查是${day(p.checkedDay)}；发送短信须在${p.days}天内核查。`,
  esignConsentMissing: () => '债务人未依美国《电子签名法》同意以电子方式接收债务确认通知；请以信函寄送。',
  creditorNotInSubject: () => '以电子邮件发送的债务确认通知须在邮件主题中注明债权人名称。',
  originalCreditorRequested: (p) =>
    `债务人已于${chineseDate(p.date)}要求提供原债权人的名称和地址；答复寄出之前暂停催收。`,
  addressUndeliverable: (p) =>
    `此${POINT_LABELS[p.pointKind]}自${day(p.day)}起无法送达（退信或邮件被退回）。`,
  replyUnclassified: (p) =>
    `此号码于${day(p.day)}发来的回复尚未分类；在专人阅读之前不得发送短信（该回复可能表示退订）。`,
  noPhoneOnFile: () => '没有登记任何电话号码。',
  rulesUnavailable: (p) => `无法确定此案件适用的合规规则：${p.detail}`,
};
