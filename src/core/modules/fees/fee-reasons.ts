import type { FeeLookups } from './fee-lookups';

/** A reason of a fee decision: the article that applied (resolvable by `findProvisionText`) and one sentence of why. */
export interface FeeReason {
  /** A reference such as 'Art 17.1', 'App II b', 'App II m 1°' or 'Art 4.4–4.5'. */
  article: string;
  /** One sentence naming the facts that made the article apply (or not). */
  text: string;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const euroTexts = new Map<number, string>();

/** Cents as the provisions print euros in a sentence: €2,209 · €36.82 · €1,840.83 (cached: reasons are built in the hot path). */
export function euroText(cents: number): string {
  let text = euroTexts.get(cents);
  if (text === undefined) {
    const whole = Math.trunc(cents / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const rest = cents % 100;
    text = rest === 0 ? `€${whole}` : `€${whole}.${String(rest).padStart(2, '0')}`;
    if (euroTexts.size > 10_000) euroTexts.clear();
    euroTexts.set(cents, text);
  }
  return text;
}

const dateTexts = new Map<string, string>();

/** An ISO date as the provisions print it: '1 September 2022' (cached like `euroText`). */
export function dateText(isoDate: string): string {
  let text = dateTexts.get(isoDate);
  if (text === undefined) {
    const month = Number(isoDate.slice(5, 7));
    text = `${Number(isoDate.slice(8, 10))} ${MONTH_NAMES[month - 1]} ${isoDate.slice(0, 4)}`;
    if (dateTexts.size > 10_000) dateTexts.clear();
    dateTexts.set(isoDate, text);
  }
  return text;
}

/** A month as printed: 'November 2022'. */
export function monthText(isoDate: string): string {
  return `${MONTH_NAMES[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

/** A country code with the name the provisions use, where they name it: 'DE (Germany)', else 'IN'. */
export function countryText(lookups: FeeLookups, code: string): string {
  const name = lookups.countryNames.get(code);
  return name === undefined ? code : `${code} (${name})`;
}

/** Several country codes as text: 'DE (Germany) and US'. */
export function countriesText(lookups: FeeLookups, codes: readonly string[]): string {
  const labels = codes.map((c) => countryText(lookups, c));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** 'one month' / '7 months'. */
export function monthsText(months: number): string {
  return months === 1 ? 'one month' : `${months} months`;
}
