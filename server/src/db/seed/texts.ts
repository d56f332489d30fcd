/**
 * The words of the demo book: call notes, case notes, reasons. English for the US team, Chinese for the China
 * team, because that is what each team would write. Nothing here discloses a debt to a third party.
 */
export interface Texts {
  conversationNotes: readonly string[];
  caseNotes: readonly string[];
  disputeReasons: readonly string[];
  complaints: readonly string[];
  resolutions: readonly string[];
  escalationReasons: Record<'agency_placement' | 'field_visit' | 'legal_filing', string>;
  /** A supervisor's reason for turning an escalation down, and for recalling a case from an agency. */
  escalationRejected: string;
  recallReason: string;
  /** What the visitor wrote: first when they met the debtor, second when nobody was home. */
  visitOutcomes: readonly [string, string];
}

const EN: Texts = {
  conversationNotes: [
    'Debtor confirmed identity and the balance; lost hours at work, asked for a smaller first payment.',
    'Spoke with debtor; agreed to pay on payday. Mini-Miranda given.',
    'Debtor says the charge was for an order that was returned; asked for the statement by email.',
    'Debtor asked us to call after 5 pm in future.',
    'Debtor will pay part now and call back about a plan.',
    'Confirmed mailing address; debtor requested a payment plan.',
  ],
  caseNotes: [
    'Checked the creditor file: last payment to the creditor was before charge-off.',
    'Debtor prefers text reminders; consent on file for the mobile.',
    'Address verified against the placement file.',
    'Employer does not allow calls at work; use the mobile only.',
    'Spanish-speaking household; offer the Spanish letter set.',
  ],
  disputeReasons: [
    'Debtor says the amount includes an order that was refunded.',
    'Debtor does not recognise the account.',
    'Debtor says the balance was paid to the creditor.',
    'Identity theft claimed; police report promised.',
  ],
  complaints: [
    'Debtor says the agent called at work after being told not to.',
    'Debtor says the agent was rude and threatened a lawsuit.',
    'Debtor received a letter after asking to be contacted by email only.',
  ],
  resolutions: [
    'Call recordings reviewed; agent coached on workplace rules. Apology letter sent.',
    'No breach found in the recordings; explained the collection process to the debtor.',
  ],
  escalationReasons: {
    agency_placement: 'No payment in 120+ days despite regular contact; recommend outside agency.',
    field_visit: 'Phones unanswered for weeks; address verified; request a home visit.',
    legal_filing: 'Balance large, debtor has income, not time-barred; recommend filing suit.',
  },
  escalationRejected: 'Keep working it: the debtor answered recently.',
  recallReason: 'No payment from the agency in 30+ days',
  visitOutcomes: ['Spoke with debtor at the door; promise to call the office.', 'Nobody home; card left.'],
};

const ZH: Texts = {
  conversationNotes: [
    '客户确认身份及欠款金额，近期收入减少，希望先还一部分。',
    '与客户通话，承诺发薪日还款。',
    '客户表示对账单有疑问，要求发送还款明细。',
    '客户要求以后晚上七点前来电。',
    '客户同意分期还款，稍后确认方案。',
  ],
  caseNotes: [
    '已核对借款合同及放款记录。',
    '客户偏好短信提醒。',
    '紧急联系人已同意在联系不上客户时协助转告。',
    '地址已与身份证信息核对。',
  ],
  disputeReasons: ['客户称已提前结清该笔借款。', '客户称未申请过该笔借款。'],
  complaints: ['客户投诉催收员语气不当。', '客户投诉在晚间接到来电。'],
  resolutions: ['已调取录音复核，对催收员进行培训并向客户致歉。', '录音复核未发现违规，已向客户解释。'],
  escalationReasons: {
    agency_placement: '逾期超过120天，多次联系无果，建议委外催收。',
    field_visit: '电话长期无人接听，地址已核实，申请上门拜访。',
    legal_filing: '欠款金额较大，客户有还款能力，建议提起诉讼。',
  },
  escalationRejected: '客户近期有接听，请继续跟进沟通。',
  recallReason: '委外机构30天以上未有回款。',
  visitOutcomes: ['已与客户面谈，客户承诺一周内还款。', '客户不在家，已留下联系卡。'],
};

export const textsFor = (country: 'US' | 'CN'): Texts => (country === 'CN' ? ZH : EN);
