import type { ProvisionReason } from './provision-reason';

/*
 * IBAN check for a SEPA direct-debit mandate (Art 31.4b–c: "direct debit in euros from a SEPA bank
 * account"). ISO 13616: two-letter country code, two check digits, the national account number
 * (BBAN); valid when the number, rearranged and read with A = 10 … Z = 35, leaves 1 modulo 97.
 * The lengths are those of the SWIFT IBAN registry for the countries of the SEPA scheme (2022).
 * The national layout of the BBAN (e.g. four letters and ten digits in the Netherlands) is not
 * checked; the mod-97 check catches typing errors in it.
 */
const SEPA_IBAN_COUNTRIES: Readonly<Record<string, { length: number; name: string }>> = {
  AD: { length: 24, name: 'Andorra' },
  AT: { length: 20, name: 'Austria' },
  BE: { length: 16, name: 'Belgium' },
  BG: { length: 22, name: 'Bulgaria' },
  CH: { length: 21, name: 'Switzerland' },
  CY: { length: 28, name: 'Cyprus' },
  CZ: { length: 24, name: 'the Czech Republic' },
  DE: { length: 22, name: 'Germany' },
  DK: { length: 18, name: 'Denmark' },
  EE: { length: 20, name: 'Estonia' },
  ES: { length: 24, name: 'Spain' },
  FI: { length: 18, name: 'Finland' },
  FR: { length: 27, name: 'France' },
  GB: { length: 22, name: 'the United Kingdom' },
  GI: { length: 23, name: 'Gibraltar' },
  GR: { length: 27, name: 'Greece' },
  HR: { length: 21, name: 'Croatia' },
  HU: { length: 28, name: 'Hungary' },
  IE: { length: 22, name: 'Ireland' },
  IS: { length: 26, name: 'Iceland' },
  IT: { length: 27, name: 'Italy' },
  LI: { length: 21, name: 'Liechtenstein' },
  LT: { length: 20, name: 'Lithuania' },
  LU: { length: 20, name: 'Luxembourg' },
  LV: { length: 21, name: 'Latvia' },
  MC: { length: 27, name: 'Monaco' },
  MT: { length: 31, name: 'Malta' },
  NL: { length: 18, name: 'the Netherlands' },
  NO: { length: 15, name: 'Norway' },
  PL: { length: 28, name: 'Poland' },
  PT: { length: 25, name: 'Portugal' },
  RO: { length: 24, name: 'Romania' },
  SE: { length: 24, name: 'Sweden' },
  SI: { length: 19, name: 'Slovenia' },
  SK: { length: 24, name: 'Slovakia' },
  SM: { length: 27, name: 'San Marino' },
  VA: { length: 22, name: 'Vatican City' },
};

/** The outcome of checking an IBAN for a SEPA mandate: the IBAN in electronic format, or what is wrong with it. */
export type IbanCheck =
  | { valid: true; iban: string; countryCode: string; reasons: ProvisionReason[] }
  | { valid: false; message: string; reasons: ProvisionReason[] };

/** The remainder of the IBAN's rearranged digits modulo 97 (ISO 7064 MOD 97-10), computed piecewise. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

// Art 31.4b and 31.4c both collect "in euros from a SEPA bank account"; paragraph 4 covers both.
const MANDATE_ARTICLE = 'Art 31.4';

function invalid(message: string): IbanCheck {
  return {
    valid: false,
    message,
    reasons: [
      { article: MANDATE_ARTICLE, text: `No direct debit can be authorised on this account: ${message}` },
    ],
  };
}

/** Checks an IBAN (spaces allowed, any case) for a SEPA direct-debit mandate, naming what is wrong. */
export function validateIban(input: string): IbanCheck {
  const iban = input.replace(/ /g, '').toUpperCase();
  if (iban.length === 0) return invalid('the IBAN is empty.');
  const foreign = [...new Set(iban.replace(/[A-Z0-9]/g, ''))];
  if (foreign.length > 0) {
    return invalid(
      `the IBAN contains ${foreign.map((c) => `"${c}"`).join(', ')}; only letters, digits and spaces are allowed.`,
    );
  }
  const countryCode = iban.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    return invalid(`an IBAN starts with a two-letter country code, not "${countryCode}".`);
  }
  if (!/^\d{2}$/.test(iban.slice(2, 4))) {
    return invalid(`the two characters after the country code are check digits, not "${iban.slice(2, 4)}".`);
  }
  const country = SEPA_IBAN_COUNTRIES[countryCode] as { length: number; name: string } | undefined;
  if (!country) {
    return invalid(
      `${countryCode} is not a country of the Single Euro Payments Area (Art 1y), and a direct debit needs a SEPA bank account.`,
    );
  }
  if (iban.length !== country.length) {
    return invalid(
      `an IBAN from ${country.name} (${countryCode}) has ${country.length} characters; this one has ${iban.length}.`,
    );
  }
  if (ibanRemainder(iban) !== 1) {
    return invalid(
      `the check digits ${iban.slice(2, 4)} do not match the account number (ISO 13616 mod-97 check); look for a typing error.`,
    );
  }
  return {
    valid: true,
    iban,
    countryCode,
    reasons: [
      {
        article: MANDATE_ARTICLE,
        text: `${iban} is a valid IBAN of a SEPA bank account in ${country.name}, from which a direct debit in euros can be authorised.`,
      },
    ],
  };
}
