import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const app: Messages<(typeof en)['app']> = {
  name: 'ArrearsDesk',
  skipToContent: '跳到主要内容',
  loadingSession: '正在加载您的会话…',
  sessionFailed: '无法加载您的会话：{message}',
  retry: '重试',
  notFoundTitle: '页面不存在',
  notFoundBody: '此地址下没有任何内容。',
  goHome: '返回首页',
  loadingPage: '正在加载页面…',
  pageLoadFailed: '无法加载此页面。可能是网络已断开，也可能是打开此标签页后系统已更新。',
  reload: '重新加载',
};

export const nav: Messages<(typeof en)['nav']> = {
  label: '栏目',
  queue: '工作队列',
  cases: '案件',
  compliance: '合规',
  reports: '报表',
  outbox: '发件箱',
  admin: '系统管理',
};

export const header: Messages<(typeof en)['header']> = {
  signedInAs: '当前登录用户',
  userRole: '{name}（{role}）',
  signOut: '退出登录',
  signOutFailed: '退出登录失败：{message}',
};

/** Said when a page the role may not open sends the person elsewhere. */
export const routeNotice: Messages<(typeof en)['routeNotice']> = {
  denied: '“{page}”仅供{roles}使用，已为您转到“{target}”。',
  rolePlural: {
    agent: '催收员',
    supervisor: '主管',
    manager: '经理',
    admin: '管理员',
  },
  dismiss: '知道了',
};

export const sectionTabs: Messages<(typeof en)['sectionTabs']> = {
  compliance: {
    label: '合规页面',
    audit: '审计',
    qa: '质检抽样',
    approvals: '审批',
    complaints: '投诉',
    team: '团队',
    letters: '信函',
  },
  admin: {
    label: '管理页面',
    rules: '规则',
    placements: '委外文件',
    reminders: '提醒策略',
    agencies: '委外机构',
    integrations: '系统集成',
  },
};

export const signIn: Messages<(typeof en)['signIn']> = {
  pageTitle: '登录',
  heading: '登录ArrearsDesk',
  email: '电子邮箱',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  fixFields: '请检查下方标出的字段。',
  failed: '登录失败：{message}',
};

export const ui: Messages<(typeof en)['ui']> = {
  close: '关闭',
  punctuation: {
    separator: '·',
    items: '、',
    clauses: '，',
    open: '（',
    close: '）',
    dash: '——',
  },
  verdict: { allowed: '允许', warning: '警告', blocked: '已拦截' },
  nextCase: {
    button: '下一案件',
    taking: '正在查找下一案件…',
    nothing: '当前没有可处理的案件。',
    opensAt: '下一案件将于 {time} 起可处理。',
    noneOpens: '您和团队池中的案件都不会仅随时间推移而变为可联系：每个案件都需要先有其他变化。',
    stillChecking: '许多案件自上次检查后已有变化，正在重新检查，请稍后再按一次。',
    passedOver: '以下看似可联系的案件已被跳过：',
    passedYours: '{count} 个为您刚刚打开且仍在占用的案件',
    passedOthers: '{count, plural, other {# 个被其他催收员占用的案件}}',
    passedClosed: '{count} 个在重新检查时已不可联系（工作队列显示后，某个拨打时段已结束）',
    failed: '无法获取下一案件：{message}',
  },
};

export const pager: Messages<(typeof en)['pager']> = {
  label: '分页',
  pageOf: '第 {page} 页，共 {pageCount} 页',
  total: '{count, plural, other {共 {formattedCount} 个案件}}',
  previous: '上一页',
  next: '下一页',
  pageSize: '每页行数',
};
