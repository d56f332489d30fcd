import { everyone, type MatrixRow, signedIn } from './types.ts';

export const authMatrix: Record<string, MatrixRow> = {
  'auth.me': { access: everyone, call: (c) => c.auth.me() },
  'auth.signOut': { access: signedIn, call: (c) => c.auth.signOut() },
  'auth.setLanguage': { access: signedIn, call: (c) => c.auth.setLanguage({ language: 'zh' }) },
};
