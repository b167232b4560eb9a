import { describe, expect, it } from 'vitest';
import { formatPhone, readerRegion } from './phone';

describe('formatPhone', () => {
  it('writes the reader’s own numbers as they are dialled at home', () => {
    expect(formatPhone('+493012345678', 'DE')).toBe('030 12345678');
    expect(formatPhone('+4915112345678', 'DE')).toBe('0151 12345678');
    expect(formatPhone('+49621123456', 'DE')).toBe('0621123456'); // area code length unknown: one block
    expect(formatPhone('+41442345678', 'CH')).toBe('044 234 56 78');
    expect(formatPhone('+33123456789', 'FR')).toBe('01 23 45 67 89');
    expect(formatPhone('+12125550123', 'US')).toBe('(212) 555-0123');
  });

  it('writes other countries’ numbers in international form', () => {
    expect(formatPhone('+493012345678', 'US')).toBe('+49 30 12345678');
    expect(formatPhone('+33123456789', 'DE')).toBe('+33 1 23 45 67 89');
    expect(formatPhone('+12125550123', 'DE')).toBe('+1 212-555-0123');
    expect(formatPhone('+447911123456', 'DE')).toBe('+44 7911 123456');
    expect(formatPhone('+35312345678', 'DE')).toBe('+353 12345678'); // three-digit calling code
    expect(formatPhone('+74951234567', 'DE')).toBe('+7 4951234567');
  });

  it('leaves what is not E.164 as typed, and accepts E.164 with separators', () => {
    expect(formatPhone('030 / 123 456', 'DE')).toBe('030 / 123 456');
    expect(formatPhone('ext. 12', 'DE')).toBe('ext. 12');
    expect(formatPhone('+49 30 1234-5678', 'DE')).toBe('030 12345678');
    expect(formatPhone('', 'DE')).toBe('');
    expect(formatPhone(null, 'DE')).toBe('');
  });

  it('finds the reader’s country from the browser language', () => {
    expect(readerRegion('de-AT')).toBe('AT');
    expect(readerRegion('de')).toBe('DE');
    expect(readerRegion('not a language tag!')).toBe('US');
  });
});
