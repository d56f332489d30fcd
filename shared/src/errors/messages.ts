import { formatMessage, type MessageLanguage, type MessageParams } from './format.ts';

/** A family of codes: `notFound('Case', '案件')` is "Case not found", "未找到该案件". */
function notFound<const En extends string, const Zh extends string>(en: En, zh: Zh) {
  return { en: `${en} not found`, zh: `未找到该${zh}` } as const;
}

/** `notFoundNamed('team', '团队')`: no team of the name a file or a command gave. */
function notFoundNamed<const En extends string, const Zh extends string>(en: En, zh: Zh) {
  return { en: `no ${en} named "{name}"`, zh: `没有名为“{name}”的${zh}` } as const;
}

/** An optimistic-lock refusal: `staleVersion('The case', '案件')`. */
function staleVersion<const En extends string, const Zh extends string>(en: En, zh: Zh) {
  return {
    en: `${en} changed since you opened it (version {expected}, now {current}). Reload it and try again.`,
    zh: `${zh}在您打开后已被修改（您打开的是第 {expected} 版，当前是第 {current} 版）。请刷新后重试。`,
  } as const;
}

/**
 * Every message a refusal of the server can carry, by code, in each language of the dashboard (format.ts has the
 * syntax). The server sends the code and its parameters with the English text (for logs and API callers); the
 * dashboard renders the code in its user's language. Both templates of a code name the same parameters
 * (messages.test.ts), so each language says the same facts.
 */
export const ERROR_MESSAGES = {
  // The server itself
  'server.internal': {
    en: 'Something went wrong on our side. Nothing was changed; please try again.',
    zh: '系统内部出错，未做任何更改，请重试。',
  },
  'server.unavailable': {
    en: 'The database is not answering right now. Please try again in a few seconds; if you were saving, check first whether it was saved.',
    zh: '数据库暂时无法响应，请几秒后重试；如果刚才正在保存，请先确认是否已保存成功。',
  },
  'request.malformed': { en: 'The request is malformed.', zh: '请求格式不正确。' },
  'request.tooLarge': { en: 'The request is too large.', zh: '请求内容过大。' },
  'request.unsupported': {
    en: 'This kind of request is not supported here.',
    zh: '此处不支持这种请求方式。',
  },
  'request.noSuchAddress': { en: 'There is nothing at this address.', zh: '该地址不存在。' },
  'request.inProgress': {
    en: 'This request is still being processed; try again in a moment.',
    zh: '该请求仍在处理中，请稍后重试。',
  },
  'request.keyReused': {
    en: 'idempotencyKey: this key was already used for a different request; a new request needs a new key',
    zh: '该幂等键已用于另一项请求，新的请求需要使用新的幂等键。',
  },

  // Input, as a whole and as Zod judges each field (the English of these is Zod's own or the schema's message)
  'input.invalidField': { en: '{field}: {problem}', zh: '{field}：{problem}' },
  'input.tooSmall': {
    en: '{origin, select, string {{minimum, plural, =1 {This is required} other {Enter at least # characters}}} array {{minimum, plural, =1 {Choose at least one} other {Choose at least #}}} other {{inclusive, select, true {Must be at least {minimum}} other {Must be more than {minimum}}}}}',
    zh: '{origin, select, string {{minimum, plural, =1 {此项为必填项} other {请至少输入 # 个字符}}} array {{minimum, plural, =1 {请至少选择一项} other {请至少选择 # 项}}} other {{inclusive, select, true {不能小于 {minimum}} other {必须大于 {minimum}}}}}',
  },
  'input.tooBig': {
    en: '{origin, select, string {Enter at most {maximum} characters} array {Choose at most {maximum}} other {{inclusive, select, true {Must be at most {maximum}} other {Must be less than {maximum}}}}}',
    zh: '{origin, select, string {最多输入 {maximum} 个字符} array {最多选择 {maximum} 项} other {{inclusive, select, true {不能大于 {maximum}} other {必须小于 {maximum}}}}}',
  },
  'input.invalidType': {
    en: '{expected, select, number {Enter a number} int {Enter a whole number} other {This value is missing or not of the right kind}}',
    zh: '{expected, select, number {请输入数字} int {请输入整数} other {此项缺失或格式不正确}}',
  },
  'input.invalidValue': { en: 'Choose one of the allowed values', zh: '请选择一个有效选项' },
  'input.invalidFormat': {
    en: '{format, select, email {Enter a valid email address} uuid {Not a valid id} datetime {Enter a valid date and time} date {Enter a valid date} other {The format is not valid}}',
    zh: '{format, select, email {请输入有效的邮箱地址} uuid {编号格式不正确} datetime {请输入有效的日期和时间} date {请输入有效的日期} other {格式不正确}}',
  },
  'input.notMultipleOf': { en: 'Must be a multiple of {divisor}', zh: '必须是 {divisor} 的倍数' },
  'input.unrecognizedKeys': { en: 'Unknown field: {keys}', zh: '不支持的字段：{keys}' },
  'input.invalid': { en: 'The value is not valid', zh: '输入无效' },
  'input.characterNotAllowed': {
    en: 'contains a character that is not allowed',
    zh: '包含不允许使用的字符',
  },
  'input.inFuture': { en: 'cannot be in the future', zh: '不能晚于当前时间' },
  'input.dateDoesNotExist': {
    en: '{field} must be a date that exists: {value} does not exist',
    zh: '日期 {value} 不存在（{field}）',
  },
  'input.yearOutOfRange': {
    en: '{field} must fall between the years {first} and {last}',
    zh: '{field} 的年份须在 {first} 年至 {last} 年之间',
  },
  'range.toBeforeFrom': { en: 'to must be on or after from', zh: '结束日期不能早于开始日期' },
  'range.tooLong': {
    en: 'the date range may span at most {days} days',
    zh: '日期范围最长为 {days} 天',
  },
  'window.inFuture': {
    en: '{at} is in the future; the latest allowed is now ({latest}, {skewMinutes} minutes of clock skew included)',
    zh: '{at, instant} 晚于当前时间；最晚只能是现在（{latest, instant}，已计入 {skewMinutes} 分钟的时钟误差）',
  },
  'window.tooEarly': {
    en: '{at} is too far back; allowed from {earliest} ({bound, select, placement {when the case was placed} working_day {the start of your working day} other {at most {hours} hours back}}) to now',
    zh: '{at, instant} 过早；允许的时间范围是从 {earliest, instant}（{bound, select, placement {案件委托之时} working_day {您今天的上班时间} other {最多往前 {hours} 小时}}）到现在',
  },

  // Signing in and roles
  'auth.signInRequired': { en: 'Please sign in.', zh: '请先登录。' },
  'auth.wrongCredentials': { en: 'Email or password is incorrect.', zh: '邮箱或密码不正确。' },
  'auth.tooManySignInsSeconds': {
    en: 'Too many failed sign-ins. Try again in {seconds, plural, one {# second} other {# seconds}}.',
    zh: '登录失败次数过多，请 {seconds} 秒后重试。',
  },
  'auth.tooManySignInsMinutes': {
    en: 'Too many failed sign-ins. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    zh: '登录失败次数过多，请 {minutes} 分钟后重试。',
  },
  'auth.roleRequired': {
    en: 'This needs the role {roles, list, role}.',
    zh: '此操作需要{roles, list, role}角色。',
  },

  // Queues
  'integration.keyRefused': {
    en: 'The API key is missing, unknown or revoked. Send an active key as Authorization: Bearer <key>.',
    zh: 'API 密钥缺失、无效或已吊销。请以 Authorization: Bearer <密钥> 发送有效密钥。',
  },
  'integration.tooOften': {
    en: 'This API key sent too many requests. Try again in {seconds, plural, one {# second} other {# seconds}}.',
    zh: '该 API 密钥请求过于频繁，请 {seconds} 秒后重试。',
  },
  'integration.notFound': { en: 'Integration key not found', zh: '未找到该集成密钥' },
  'integration.teamRequired': {
    en: 'teamIds: name at least one team the key may work for',
    zh: '请至少选择一个该密钥可服务的团队',
  },
  'dialer.callIdReused': {
    en: 'callId: this call id was already reported with a different result; a new call needs a new id',
    zh: '该通话编号已用于另一条不同的结果；新的通话需要新的编号。',
  },
  'dialer.endsBeforeStart': {
    en: 'endedAt: the call cannot end before it started',
    zh: '通话结束时间不能早于开始时间',
  },
  'queue.nextTooOften': {
    en: 'Next case was pressed too often. Try again in {seconds, plural, one {# second} other {# seconds}}.',
    zh: '“下一个案件”点击过于频繁，请 {seconds} 秒后重试。',
  },
  'queue.agentsOwnOnly': { en: 'Agents see only their own queues.', zh: '催收员只能查看自己的队列。' },
  'queue.agentNotInYourTeam': {
    en: 'That agent is not in a team you run.',
    zh: '该催收员不在您管理的团队中。',
  },
  'queue.noClaim': { en: 'You hold no claim on this case.', zh: '您尚未领取此案件。' },

  // Cases and what is recorded on them
  'case.notFound': notFound('Case', '案件'),
  'case.staleVersion': staleVersion('The case', '案件'),
  'case.rulesUnavailable': {
    en: '{detail}',
    zh: '无法确定此案件适用的合规规则：{detail}',
  },
  'case.agentNotFound': {
    en: 'agentId: no agent or supervisor has this id',
    zh: '找不到该催收员或主管',
  },
  'case.agentOutsideTeam': {
    en: 'name an agent or supervisor of the case’s team',
    zh: '请指定该案件所属团队的催收员或主管',
  },
  'callback.notInFuture': { en: 'a callback must be in the future', zh: '回电时间必须晚于当前时间' },
  'hold.notInFuture': { en: 'a hold must end in the future', zh: '暂缓催收的结束时间必须晚于当前时间' },
  'timeline.badCursor': {
    en: 'not a cursor this timeline handed out',
    zh: '分页位置无效，请刷新时间线后重试',
  },
  'contactPoint.notFound': {
    en: "Contact point not found among this debtor's contact points",
    zh: '在该债务人的联系方式中未找到此联系方式',
  },
  'contactPoint.wrongKind': {
    en: 'A {kind, term, actionKind} cannot go to this {pointKind, term, contactPointKind}; it needs: {allowed, list, contactPointKind}.',
    zh: '{kind, term, actionKind}不能发往{pointKind, term, contactPointKind}，只能发往：{allowed, list, contactPointKind}。',
  },
  'contactPoint.noneForKind': {
    en: 'A {kind, term, actionKind} goes to no contact point; do not name one.',
    zh: '{kind, term, actionKind}无需指定联系方式。',
  },
  'thirdParty.notFound': {
    en: 'Third party not found for this debtor',
    zh: '未找到该债务人的此第三方联系人',
  },
  'dispute.notFound': notFound('Dispute', '异议'),
  'dispute.awaitingVerification': {
    en: 'A dispute received {receivedAt} is still waiting for verification',
    zh: '{receivedAt, instant} 收到的异议仍在等待核实',
  },
  'dispute.verificationAlreadySent': {
    en: 'Verification was already sent on {sentAt}',
    zh: '核实材料已于 {sentAt, instant} 寄出',
  },
  'dispute.verificationBeforeReceipt': {
    en: 'verification cannot be sent before the dispute was received',
    zh: '核实材料的寄出时间不能早于收到异议的时间',
  },
  'optOut.nameChannelOrPoint': {
    en: 'Name the channel, the contact point, or both',
    zh: '请指定渠道或联系方式，也可以两者都指定',
  },
  'reveal.nameExactlyOne': {
    en: 'Name exactly one of contactPointId, thirdPartyId or field',
    zh: 'contactPointId、thirdPartyId 和 field 三者须且只能指定一项',
  },
  'optOut.alreadyOnFile': { en: 'This opt-out is already on file', zh: '该退订已登记在案' },
  'optOut.channelNeverReachesPoint': {
    en: '{channel} never reaches a {pointKind, term, contactPointKind}; name the channel or the contact point alone',
    zh: '{channel, term, optOutChannel}无法送达{pointKind, term, contactPointKind}；请只指定渠道或只指定联系方式',
  },
  'consent.phoneOnly': {
    en: 'consent is given and revoked for phone numbers; for other points record an opt-out',
    zh: '同意仅针对电话号码授予和撤回；其他联系方式请登记退订',
  },
  'contactPoint.alreadyUndeliverable': {
    en: 'This address was already marked undeliverable on {since}',
    zh: '该地址已于 {since, instant} 标记为无法送达',
  },
  'consent.alreadyRevoked': {
    en: 'Consent for this number was already revoked on {revokedAt}',
    zh: '该号码的同意已于 {revokedAt, instant} 撤回',
  },
  'cease.alreadyOnFile': {
    en: 'A cease request is already on file since {since}',
    zh: '自 {since, instant} 起已有停止催收的请求在案',
  },
  'bankruptcy.alreadyOnFile': {
    en: 'A bankruptcy filed {since} is already on file',
    zh: '{since, instant} 申请的破产已登记在案',
  },
  'death.alreadyOnFile': { en: 'The debtor is already recorded as deceased', zh: '该债务人已登记为身故' },

  // Contacts and messages
  'message.needsContactPoint': {
    en: 'an {channel} needs the contact point to send to',
    zh: '发送{channel, term, actionKind}需要指定联系方式',
  },
  'message.noHomeAddress': {
    en: 'no home address on file; name the address',
    zh: '未登记家庭住址，请指定寄送地址',
  },
  'template.notFound': { en: 'Template not found for this portfolio', zh: '该资产包下未找到此模板' },
  'template.wrongChannel': {
    en: 'this template is for {templateChannel}, not {channel}',
    zh: '此模板用于{templateChannel, term, actionKind}，而不是{channel, term, actionKind}',
  },

  // Letters and the print batch
  'letter.notFound': { en: 'Letter not found', zh: '未找到该信函' },
  'letter.notMailed': {
    en: 'only a mailed letter can come back as returned mail',
    zh: '只有已寄出的信函才能登记为退信',
  },
  'letter.alreadyReturned': { en: 'this letter is already recorded as returned', zh: '该信函已登记为退信' },
  'letter.nothingQueued': {
    en: 'no letters are waiting for the print run',
    zh: '目前没有待打印的信函',
  },
  'letter.mailingDateRange': {
    en: 'the mailing date must be between the cut-off day and {latest}',
    zh: '寄出日期须在截止当日至{latest}之间',
  },
  'letter.noAddress': {
    en: 'no postal address on file for this debtor',
    zh: '该债务人未登记邮寄地址',
  },

  // Compliance
  'compliance.blocked': {
    en: '{ruleId}: {reason}{others, plural, =0 {} one { (and # more rule)} other { (and # more rules)}}',
    zh: '{ruleId}：{reason}{others, plural, =0 {} other {（另有 # 条规则）}}',
  },
  'override.ruleOfLaw': {
    en: '{ruleIds}: rules of law cannot be overridden by anyone; only agency policy (POL-*) and warnings can.',
    zh: '{ruleIds}：法定规则任何人都不能豁免，只有机构政策（POL-*）和提示类规则可以豁免。',
  },
  'override.notApplicable': {
    en: '{ruleIds} does not apply to a {actionKind}.',
    zh: '{ruleIds} 不适用于{actionKind, term, actionKind}。',
  },
  'rules.staleVersion': {
    en: 'The parameters of {portfolio} were changed meanwhile (version {current}, not {expected}). Load the latest values and try again.',
    zh: '“{portfolio}”的参数已被他人修改（当前是第 {current} 版，而不是第 {expected} 版）。请加载最新值后重试。',
  },
  'rules.parametersRefused': { en: '{problems}', zh: '参数未通过校验：{problems}' },
  'rules.parameterProblem': { en: '{problem}', zh: '参数值无效：{problem}' },
  'rules.tooManyParameters': { en: 'At most {max} parameters', zh: '最多可调整 {max} 个参数' },
  'audit.notACursor': {
    en: 'cursor must be a nextCursor of this list',
    zh: '翻页位置无效：请使用本列表返回的 nextCursor',
  },
  'audit.outcomeNotOfKind': {
    en: '{outcome} is not an outcome of {kind}',
    zh: '“{outcome}”不是{kind, select, decisions {合规判定} other {联系记录}}的结果',
  },

  // Payments
  'payment.caseClosed': {
    en: 'The case is closed ({status}); {what, select, plan {a payment plan} promise {a promise} other {a payment}} cannot be recorded on it.',
    zh: '案件已结案（{status, term, caseStatus}），不能再记录{what, select, plan {还款计划} promise {还款承诺} other {还款}}。',
  },
  'payment.wrongCurrency': {
    en: 'this case is in {caseCurrency}; an amount in {given} cannot be recorded on it',
    zh: '本案件以 {caseCurrency} 计价，不能记录以 {given} 计的金额',
  },
  'payment.aboveBalance': {
    en: '{amount, money} is more than the {balance, money} owed on this case',
    zh: '{amount, money} 超过了本案件的欠款余额 {balance, money}',
  },
  'payment.keyReused': {
    en: 'idempotencyKey: this key was already used for a different payment; a new payment needs a new key',
    zh: '该幂等键已用于另一笔还款，新的还款需要使用新的幂等键。',
  },
  'plan.cannotSplit': {
    en: '{total, money} cannot be split into {count} installments',
    zh: '{total, money} 无法分成 {count} 期',
  },
  'promise.dateInPast': {
    en: '{date} is in the past for the debtor (today is {today} in {zone})',
    zh: '对债务人而言 {date} 已经过去（债务人所在时区 {zone} 的今天是 {today}）',
  },
  'promise.dateTooFar': {
    en: '{date} is more than {maxDays} days out; the latest allowed is {latest}',
    zh: '{date} 超出了 {maxDays} 天的期限，最晚只能选 {latest}',
  },

  // Escalations, agencies, visits, lawsuits
  'escalation.notFound': notFound('Escalation request', '升级申请'),
  'escalation.alreadyPending': {
    en: 'A {kind, term, actionKind} request is already waiting for a decision',
    zh: '已有一项{kind, term, actionKind}申请在等待审批',
  },
  'escalation.alreadyDecided': {
    en: 'This request was already {status}',
    zh: '该申请已处理，当前状态为“{status, term, approvalStatus}”',
  },
  'escalation.approvalUsed': {
    en: "The supervisor's approval was already used by another action or has lapsed; request a new one",
    zh: '主管的批准已被其他操作使用或已失效，请重新申请',
  },
  'visit.notInFuture': {
    en: 'a visit must be scheduled in the future',
    zh: '上门拜访时间必须晚于当前时间',
  },
  'legal.claimAboveBalance': {
    en: 'the claim exceeds the balance of {balance, money}',
    zh: '起诉金额超过了欠款余额 {balance, money}',
  },
  'agency.notFound': notFound('Agency', '催收机构'),
  'agency.nameTaken': {
    en: 'name: an agency called {name} already exists',
    zh: '名为“{name}”的催收机构已存在',
  },
  'agency.alreadyPlaced': {
    en: 'The case is already placed with an agency; recall it first',
    zh: '该案件已委外给催收机构，请先撤回',
  },
  'placement.notFound': notFound('Placement', '委外记录'),
  'placement.alreadyInStatus': {
    en: 'The placement is already {status}',
    zh: '该委外当前状态已是“{status, term, placementStatus}”',
  },
  'placement.closed': { en: 'The placement is closed', zh: '该委外已结束' },
  'placement.collectedBeforePlacement': {
    en: 'the agency cannot have collected before the case was placed',
    zh: '回款时间不能早于案件委外的时间',
  },
  'placement.collectedAfterRecall': {
    en: 'The placement was recalled before this collection; only money collected while placed is the agency’s',
    zh: '该委外在这笔回款之前已撤回；只有委外期间收回的款项才计入催收机构',
  },
  'ladder.rungsOutOfOrder': {
    en: 'The rungs must come in order: agent before agency before legal review',
    zh: '各阶段须依次排列：先由催收员处理，再委外，最后进入法务审查',
  },
  'roll.alreadyRunning': {
    en: 'A nightly roll for {runDate} is already running (started {startedAt})',
    zh: '{runDate} 的夜间批处理已在运行（开始于 {startedAt, instant}）',
  },

  // Supervision
  'team.notFound': notFound('Team', '团队'),
  'team.notActiveAgent': { en: 'not an active agent of this team', zh: '不是本团队在职的催收员' },
  'team.casesNotInTeam': {
    en: '{count, plural, one {# of the selected cases is} other {# of the selected cases are}} not in this team; nothing was moved',
    zh: '所选案件中有 {count} 件不属于本团队，未移动任何案件',
  },
  'team.caseListedTwice': { en: 'caseIds: a case is listed twice', zh: '有案件被重复选择' },
  'complaint.notFound': notFound('Complaint', '投诉'),
  'complaint.alreadyResolved': { en: 'This complaint is already resolved', zh: '该投诉已解决' },
  'complaint.alreadyInStatus': {
    en: 'This complaint is already {status, term, complaintStatus}',
    zh: '该投诉当前状态已是“{status, term, complaintStatus}”',
  },
  'complaint.assigneeOutsideTeam': {
    en: 'assign the complaint to an agent or supervisor of the case’s team',
    zh: '请将投诉分配给该案件所属团队的催收员或主管',
  },
  'review.decisionNotFound': notFound('Decision', '合规决定'),
  'review.contactNotFound': notFound('Contact', '联系记录'),

  // Administration
  'portfolio.notFound': notFound('Portfolio', '资产包'),
  'portfolio.notFoundNamed': notFoundNamed('portfolio', '资产包'),
  'team.notFoundNamed': notFoundNamed('team', '团队'),
  'team.noSuchTeam': { en: 'no such team', zh: '该团队不存在' },
  'import.fileHasErrors': {
    en: 'The file itself has errors (see the preview): nothing can be imported.',
    zh: '文件本身有错误（见预览），无法导入。',
  },
  'import.rowsHaveErrors': {
    en: '{count, plural, one {# row has} other {# rows have}} errors: nothing was imported. Fix the file, or import only the valid rows.',
    zh: '有 {count} 行存在错误，未导入任何数据。请修正文件，或只导入有效的行。',
  },
  'import.chooseTeam': {
    en: 'Choose the team whose pool receives the cases.',
    zh: '请选择由哪个团队的案件池接收这些案件。',
  },
  'import.previewExpired': {
    en: 'This preview has expired or is unknown: upload the file again.',
    zh: '该预览已过期或不存在，请重新上传文件。',
  },
  'channels.linkInvalid': {
    en: 'This opt-out link is not valid. Please reply to the email or call us to stop emails.',
    zh: '该退订链接无效。如需停止接收邮件，请回复邮件或致电我们。',
  },
  'channels.signatureInvalid': {
    en: 'The request signature is missing or does not match.',
    zh: '请求签名缺失或不匹配。',
  },
  'channels.bounceUnreadable': {
    en: 'The body is not a delivery status notification this server can read.',
    zh: '无法识别该投递状态通知。',
  },
  'channels.notConfigured': {
    en: 'This endpoint is not configured on this server.',
    zh: '本服务器未配置此接口。',
  },
  'channels.messageNotFound': { en: 'Message not found.', zh: '未找到该消息。' },
  'channels.notRetryable': {
    en: 'Only a failed message, or one the rules refused, can be retried.',
    zh: '只有发送失败或被规则拒绝的消息才能重试。',
  },
  'sms.cnSignatureMissing': {
    en: "Texts to debtors in China need the portfolio's registered SMS signature; set it in the portfolio's channel settings.",
    zh: '向中国债务人发送短信须使用该资产包已报备的短信签名，请在资产包渠道设置中填写。',
  },
  'sms.cnTemplateNotApproved': {
    en: 'Texts to debtors in China may only use templates approved for China.',
    zh: '向中国债务人发送短信只能使用已审核通过的模板。',
  },
  'reply.notFound': { en: 'Reply not found.', zh: '未找到该回复。' },
  'reply.alreadyClassified': {
    en: 'This reply has already been classified.',
    zh: '该回复已被分类。',
  },
  'reminders.noContactPoint': {
    en: 'No {channel, term, actionKind} contact point on file',
    zh: '未登记可用于{channel, term, actionKind}的联系方式',
  },
  'reminders.templateNotFound': {
    en: 'Template not found among this portfolio’s active templates',
    zh: '在该资产包的启用模板中未找到此模板',
  },
  'reminders.templateWrongChannel': {
    en: 'This template is for {templateChannel}, not {channel}',
    zh: '此模板用于{templateChannel, term, actionKind}，而不是{channel, term, actionKind}',
  },
  'reminders.stepsOutOfOrder': {
    en: "Steps go in day order: day {day} comes before the previous step's day {previous}",
    zh: '步骤须按天数先后排列：第 {day} 天早于上一步的第 {previous} 天',
  },
  'reminders.duplicateStep': {
    en: 'Two steps on the same day and channel would send the same reminder twice',
    zh: '同一天、同一渠道的两个步骤会把同一条提醒发送两次',
  },
  'reminders.staleVersion': staleVersion('The strategy', '提醒策略'),
} as const satisfies Record<string, { en: string; zh: string }>;

export type ErrorMessageCode = keyof typeof ERROR_MESSAGES;

/** A parameter's name as a template writes it: `{name}` or `{name, type…}`; choice texts are no names. */
type NameOf<Body extends string> = Body extends `${infer Name},${string}` ? Name : Body;
type Plain<Name extends string> = Name extends `${string}${' ' | '#' | '{'}${string}` ? never : Name;
type ArgumentsOf<Template extends string> = Template extends `${string}{${infer Body}}${infer Rest}`
  ? Plain<NameOf<Body>> | (Body extends `${string}, money` ? 'currency' : never) | ArgumentsOf<Rest>
  : never;

/** The parameters a code's message names (the top-level ones; a choice's own are checked by the unit test). */
export type ErrorMessageParams<Code extends ErrorMessageCode> = {
  readonly [Name in ArgumentsOf<(typeof ERROR_MESSAGES)[Code]['en']>]: string | number;
};

/** A message by code: what a refusal carries for each language to render. */
export interface ErrorMessage {
  readonly code: ErrorMessageCode;
  readonly params: MessageParams;
}

/**
 * `errorMessage('case.staleVersion', { expected: 3, current: 4 })`, its parameters checked against the English
 * (a choice's own parameters, like `hours` inside a select, go beside them unchecked).
 */
export function errorMessage<Code extends ErrorMessageCode>(
  code: Code,
  ...params: keyof ErrorMessageParams<Code> extends never
    ? [] | [MessageParams]
    : [ErrorMessageParams<Code> & MessageParams]
): ErrorMessage {
  return { code, params: params[0] ?? {} };
}

export function isErrorMessageCode(code: unknown): code is ErrorMessageCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code);
}

/** The message in `language`. */
export function renderErrorMessage(message: ErrorMessage, language: MessageLanguage): string {
  return formatMessage(ERROR_MESSAGES[message.code][language], message.params, language);
}
