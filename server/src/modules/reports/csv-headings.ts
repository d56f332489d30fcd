import type { Language } from '@arrears/shared/domain/language';
import type { ReportName } from '@arrears/shared/schemas/reports';
import type { z } from 'zod';
import type { RowSchemaOf } from './reports.service.ts';

/**
 * What a CSV export calls its columns and its placeholder cells, in the reader's language. English headings are
 * the row keys as the files always had them (scripts read them); Chinese ones are what a Chinese finance team
 * would head a sheet with. A column without a Chinese heading fails the typecheck.
 */

/** Every column a CSV export writes: the row keys less the ids. */
export type ReportColumn = {
  [Name in ReportName]: Exclude<keyof z.infer<RowSchemaOf<Name>>, `${string}Id`>;
}[ReportName];

const ZH_HEADINGS: Readonly<Record<ReportColumn, string>> = {
  period: '期间',
  month: '月份',
  portfolioName: '资产包',
  currency: '币种',
  amountMinor: '金额',
  paymentCount: '还款笔数',
  placementMonth: '委案月份',
  caseCount: '案件数',
  placedMinor: '委案金额',
  monthsSince: '委案后月数',
  collectedMinor: '回收金额',
  cumulativeMinor: '累计回收金额',
  recoveryRate: '回收率',
  openingMinor: '期初余额',
  liquidationRate: '清收率',
  fromBucket: '迁徙前账龄段',
  toBucket: '迁徙后账龄段',
  fromCount: '迁徙前案件数',
  rollRate: '迁徙率',
  keptCount: '履约笔数',
  brokenCount: '违约笔数',
  keptMinor: '履约金额',
  brokenMinor: '违约金额',
  keptRate: '承诺还款履约率',
  callAttempts: '外呼次数',
  rightPartyContacts: '本人接通次数',
  rightPartyRate: '本人接通率',
  contacts: '联系次数',
  contactsPerThousand: '每回收1,000货币单位的联系次数',
  agentName: '催收员',
  teamName: '团队',
  agencyName: '委外机构',
  placedCount: '委案笔数',
  recalledCount: '撤案笔数',
  recalledMinor: '撤案金额',
  openCount: '在案笔数',
  openMinor: '在案金额',
};

/** `collectedMinor` → `collectedAmount` (major units); `amountMinor` → `amount`; other columns keep their key. */
function englishHeading(key: string): string {
  return key === 'amountMinor' ? 'amount' : key.endsWith('Minor') ? `${key.slice(0, -5)}Amount` : key;
}

export function csvHeading(key: ReportColumn, language: Language): string {
  return language === 'zh' ? ZH_HEADINGS[key] : englishHeading(key);
}

/** Cells a report leaves blank that a reader should see named, and the one line of an empty export. */
export const CSV_WORDS: Readonly<Record<Language, { unassigned: string; noTeam: string; noRows: string }>> = {
  en: { unassigned: 'Unassigned (team pool or automated)', noTeam: 'No team', noRows: 'no rows' },
  zh: { unassigned: '未分配（团队池或自动处理）', noTeam: '无团队', noRows: '无数据' },
};
