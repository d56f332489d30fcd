import { describe, expect, it } from 'vitest';
import { birthYear, maskAddress, maskContactValue, maskEmail, maskPhone } from './masking.ts';

describe('masking', () => {
  it('keeps the country code and last four digits of a phone number', () => {
    expect(maskPhone('+15551234821')).toBe('+1 •••• •• 4821');
    expect(maskPhone('+8613812345678')).toBe('+86 •••• •• 5678');
    expect(maskPhone('555 123 4821')).toBe('•••• •• 4821');
  });

  it('keeps the first letters and the top-level domain of an email', () => {
    expect(maskEmail('alice@domain.com')).toBe('a•••@d•••.com');
    expect(maskEmail('bob@mail.example.co.uk')).toBe('b•••@m•••.uk');
  });

  it('hides the street line of an address and keeps the town', () => {
    expect(maskAddress('12 Main Street, Springfield, MA 01101')).toBe('•••, Springfield, MA 01101');
    expect(maskAddress('12 Main Street')).toBe('•••');
  });

  it('masks by kind and shows the year of birth only', () => {
    expect(maskContactValue('work_phone', '+12125550199')).toBe('+1 •••• •• 0199');
    // The kind is named beside it on the screen ("App •••ef12"), never twice ("App app •••ef12").
    expect(maskContactValue('app', 'install-abcdef12')).toBe('•••ef12');
    expect(birthYear('1985-04-12')).toBe(1985);
    expect(birthYear(null)).toBeNull();
  });
});
