/*
 * Money for the payment rules: integer euro cents throughout (DESIGN.md §3). A pro-rata amount is
 * computed exactly in integers and rounded once, to the cent; amounts that are split add up.
 */

const euroFormat = new Intl.NumberFormat('en-NL', { style: 'currency', currency: 'EUR' });

/** Formats integer euro cents for a reason text, e.g. 536667 → '€5,366.67'. */
export function formatEuroCents(cents: number): string {
  return euroFormat.format(cents / 100);
}

function assertWholeCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole, non-negative number of cents; got ${value}.`);
  }
}

/**
 * amount × numerator ÷ denominator in cents, rounded once to the nearest cent (half a cent up).
 * All three must be whole numbers; the product is computed exactly before the single rounding.
 */
export function proRataCents(amountCents: number, numerator: number, denominator: number): number {
  assertWholeCents(amountCents, 'The amount');
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new RangeError(`The numerator must be a whole, non-negative number; got ${numerator}.`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`The denominator must be a whole, positive number; got ${denominator}.`);
  }
  const product = BigInt(amountCents) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const quotient = product / divisor;
  const remainder = product % divisor;
  return Number(remainder * 2n >= divisor ? quotient + 1n : quotient);
}

/**
 * Splits an amount into `parts` whole-cent amounts that add up to it exactly and differ by at most
 * one cent: each part is the amount divided by `parts`, rounded down, and the cents left over
 * (amount mod parts) go one each to the first parts, so earlier parts are never smaller than later ones.
 */
export function splitCentsEvenly(amountCents: number, parts: number): number[] {
  assertWholeCents(amountCents, 'The amount');
  if (!Number.isSafeInteger(parts) || parts <= 0) {
    throw new RangeError(`The number of parts must be a whole, positive number; got ${parts}.`);
  }
  const base = Math.floor(amountCents / parts);
  const leftOver = amountCents - base * parts;
  return Array.from({ length: parts }, (_, i) => (i < leftOver ? base + 1 : base));
}
