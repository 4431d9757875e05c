import { describe, expect, it } from 'vitest';
import { countryOptions } from './country-options';

describe('country options for the facts form', () => {
  it('names real countries by their ISO code and leaves out grouping codes', () => {
    const options = countryOptions();
    const byCode = new Map(options.map((o) => [o.value, o.label]));
    expect(byCode.get('DE')).toBe('Germany (DE)');
    expect(byCode.get('SR')).toBe('Suriname (SR)');
    expect(byCode.get('GB')).toBe('United Kingdom (GB)');
    expect(byCode.has('EU')).toBe(false);
    expect(byCode.has('ZZ')).toBe(false);
    expect(byCode.has('DD')).toBe(false);
    expect(options.filter((o) => o.label.includes('Germany')).map((o) => o.value)).toEqual(['DE']);
    expect(options.length).toBeGreaterThan(200);
  });
});
