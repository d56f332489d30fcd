import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const enums: Messages<(typeof en)['enums']> = {
  role: {
    agent: '催收员',
    supervisor: '主管',
    manager: '经理',
    admin: '管理员',
  },
  status: {
    active: '催收中',
    paid: '已还清',
    settled: '已和解结清',
    returned: '已退回债权人',
    uncollectible: '无法回收',
  },
  stage: {
    reminder: '提醒',
    agent: '催收员联系',
    agency: '第三方委外机构',
    field: '外访',
    legal: '诉讼',
  },
  bucket: {
    current: '未逾期',
    dpd_1_30: '1–30 天',
    dpd_31_60: '31–60 天',
    dpd_61_90: '61–90 天',
    dpd_91_120: '91–120 天',
    dpd_121_180: '121–180 天',
    dpd_181_plus: '181 天以上',
  },
};
