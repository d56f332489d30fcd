import { ACTION_LABELS, POINT_LABELS } from '../compliance/format.ts';
import {
  type ActionKind,
  APPROVAL_STATUSES,
  type ApprovalStatus,
  CASE_STATUSES,
  type CaseStatus,
  type ComplaintStatus,
  type ContactPointKind,
  type OptOutChannel,
  PLACEMENT_STATUSES,
  type PlacementStatus,
  ROLES,
  type Role,
} from '../domain/enums.ts';
import type { MessageLanguage } from './format.ts';

/** A table whose English word for each value is the value itself (`active` is "active"). */
function ownWords<const Value extends string>(values: readonly Value[]): Record<Value, string> {
  return Object.fromEntries(values.map((value): [string, string] => [value, value])) as Record<Value, string>;
}

/**
 * The words for the enum values a refusal names, per language: `{status, term, complaintStatus}` in a template.
 * The English of actions and contact points is the compliance reasons' own.
 */
interface TermTables {
  role: Record<Role, string>;
  actionKind: Record<ActionKind, string>;
  contactPointKind: Record<ContactPointKind, string>;
  optOutChannel: Record<OptOutChannel, string>;
  caseStatus: Record<CaseStatus, string>;
  complaintStatus: Record<ComplaintStatus, string>;
  approvalStatus: Record<ApprovalStatus, string>;
  placementStatus: Record<PlacementStatus, string>;
}
export type TermTable = keyof TermTables;

export const TERMS: Readonly<Record<MessageLanguage, TermTables>> = {
  en: {
    role: ownWords(ROLES),
    actionKind: ACTION_LABELS,
    contactPointKind: POINT_LABELS,
    optOutChannel: {
      phone: 'phone',
      sms: 'text message',
      email: 'email',
      letter: 'letter',
      app_push: 'app notification',
      field_visit: 'field visit',
    },
    caseStatus: ownWords(CASE_STATUSES),
    complaintStatus: { open: 'open', investigating: 'under investigation', resolved: 'resolved' },
    approvalStatus: ownWords(APPROVAL_STATUSES),
    placementStatus: ownWords(PLACEMENT_STATUSES),
  },
  zh: {
    role: { agent: '催收员', supervisor: '主管', manager: '经理', admin: '管理员' },
    actionKind: {
      call: '电话',
      autodial_call: '自动外呼',
      voicemail: '语音留言',
      sms: '短信',
      email: '电子邮件',
      letter: '信函',
      app_push: 'App 通知',
      field_visit: '上门拜访',
      third_party_contact: '第三方联系',
      agency_placement: '委外催收',
      legal_filing: '起诉',
    },
    contactPointKind: {
      mobile: '手机号码',
      landline: '固定电话',
      work_phone: '单位电话',
      email: '电子邮箱',
      home_address: '家庭住址',
      work_address: '单位地址',
      app: 'App',
    },
    optOutChannel: {
      phone: '电话',
      sms: '短信',
      email: '电子邮件',
      letter: '信函',
      app_push: 'App 通知',
      field_visit: '上门拜访',
    },
    caseStatus: {
      active: '催收中',
      paid: '已结清',
      settled: '已和解',
      returned: '已退案',
      uncollectible: '无法回收',
    },
    complaintStatus: { open: '待处理', investigating: '调查中', resolved: '已解决' },
    approvalStatus: { pending: '待审批', approved: '已批准', rejected: '已驳回' },
    placementStatus: { placed: '委外中', recalled: '已撤回', closed: '已结束' },
  },
};
