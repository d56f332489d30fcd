import type { ContactPointKind } from '@arrears/shared/domain/enums';

/**
 * How personal data looks on the case screen until someone reveals it (DESIGN.md, privacy). Each mask keeps
 * just enough to tell two numbers or addresses apart, and has a fixed shape so it does not leak the length.
 */
const DOTS = '•••';

/** `+15551234821` → `+1 •••• •• 4821`: the country code and the last four digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const last = digits.slice(-4);
  if (!value.trim().startsWith('+') || digits.length < 8) return `•••• •• ${last}`;
  // North America is +1; most other codes are two digits. A three-digit code shows one digit less: still masked.
  const country = digits.startsWith('1') || digits.startsWith('7') ? digits.slice(0, 1) : digits.slice(0, 2);
  return `+${country} •••• •• ${last}`;
}

/** `alice@example.com` → `a•••@e•••.com`: first letters and the top-level domain. */
export function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.split('@');
  const labels = domain.split('.');
  const tld = labels.length > 1 ? `.${labels.at(-1)}` : '';
  return `${local.slice(0, 1)}${DOTS}@${domain.slice(0, 1)}${DOTS}${tld}`;
}

/** `12 Main Street, Springfield, MA 01101` → `•••, Springfield, MA 01101`: the street line is hidden. */
export function maskAddress(value: string): string {
  const parts = value.split(',');
  if (parts.length < 2) return DOTS;
  return [DOTS, ...parts.slice(1)].join(',');
}

export function maskContactValue(kind: ContactPointKind, value: string): string {
  switch (kind) {
    case 'mobile':
    case 'landline':
    case 'work_phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'home_address':
    case 'work_address':
      return maskAddress(value);
    case 'app':
      // The screen names the kind beside the value ("App •••ef12"): the value does not repeat it (issue 15).
      return `${DOTS}${value.slice(-4)}`;
  }
}

/** `1985-04-12` → 1985. */
export function birthYear(dateOfBirth: string | null): number | null {
  return dateOfBirth === null ? null : Number(dateOfBirth.slice(0, 4));
}
