import 'i18next';
import type { defaultNS, Resources } from './i18n.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: Resources['en'];
  }
}
