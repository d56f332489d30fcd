import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const language: Messages<(typeof en)['language']> = {
  label: '语言',
  name: { en: 'English', zh: '中文' },
  changing: '正在切换语言…',
  failed: '无法切换语言：{message}',
};
