import { z } from 'zod';

/**
 * The agency as its letters name it: the debt collector's true name (Reg F 1006.34(c)(1)), its mailing address and
 * telephone, and the Chinese name for CN debtors. Configured by AGENCY_* variables; the defaults are the demo's.
 */
export interface LetterSender {
  name: string;
  nameZh: string;
  /** Mailing address lines, street first. */
  address: string[];
  phone: string;
  email: string;
}

const senderEnv = z.object({
  AGENCY_NAME: z.string().trim().min(1).default('Harbor Lane Services LLC'),
  AGENCY_NAME_ZH: z.string().trim().min(1).default('港湾巷服务有限公司'),
  /** Address lines separated by `|` (street, city state ZIP). */
  AGENCY_ADDRESS: z.string().trim().min(1).default('PO Box 4410|Boston, MA 02101'),
  AGENCY_PHONE: z.string().trim().min(1).default('1-800-555-0142'),
  AGENCY_EMAIL: z.string().trim().email().default('disputes@harborlane.example'),
});

export function letterSender(env: NodeJS.ProcessEnv = process.env): LetterSender {
  const parsed = senderEnv.parse(env);
  return {
    name: parsed.AGENCY_NAME,
    nameZh: parsed.AGENCY_NAME_ZH,
    address: parsed.AGENCY_ADDRESS.split('|').map((line) => line.trim()),
    phone: parsed.AGENCY_PHONE,
    email: parsed.AGENCY_EMAIL,
  };
}

/** Words on an envelope that would tell anyone handling the mail that it is about a debt (FDCPA 1692f(8)). */
const REVEALING = /collect|debt|recover|arrear|overdue|delinquen|催收|债|欠款|追讨/iu;

/**
 * What the outside of the envelope (and its window) may show as the sender: the address, and the business name only
 * when the name itself does not reveal debt collection (FDCPA 15 USC 1692f(8)).
 */
export function returnAddress(sender: LetterSender): string[] {
  return REVEALING.test(sender.name) ? [...sender.address] : [sender.name, ...sender.address];
}

export function revealsDebtCollection(line: string): boolean {
  return REVEALING.test(line);
}
