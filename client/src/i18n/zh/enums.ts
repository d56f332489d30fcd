import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const enums: Messages<(typeof en)['enums']> = {
  role: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    manager: 'Manager',
    admin: 'Admin',
  },
  status: {
    active: 'Active',
    paid: 'Paid',
    settled: 'Settled',
    returned: 'Returned to creditor',
    uncollectible: 'Uncollectible',
  },
  stage: {
    reminder: 'Reminder',
    agent: 'Agent contact',
    agency: 'Third-party agency',
    field: 'Field visit',
    legal: 'Legal action',
  },
  bucket: {
    current: 'Current',
    dpd_1_30: '1–30 days',
    dpd_31_60: '31–60 days',
    dpd_61_90: '61–90 days',
    dpd_91_120: '91–120 days',
    dpd_121_180: '121–180 days',
    dpd_181_plus: '181+ days',
  },
};
