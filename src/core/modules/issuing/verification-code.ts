import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a code: 16 × 5 bits = 80 random bits (DESIGN.md §5 asks for at least 80). */
export const verificationCodeLength = 16;

/** A new random verification code of 80 bits, 16 base32 characters without separators. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = verificationCodeLength - 1; i >= 0; i--)
    code += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** The code as printed: four groups of four, 'K7Q2-9MXD-4TZP-H3WA'. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * The stored form of a code as someone typed or scanned it: the `code=` of a verification address, case,
 * spaces and dashes ignored, and O, I, L read as 0, 1, 1 as Crockford's base32 intends; null when it
 * cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
  const fromAddress = /[?&]code=([^&#\s]+)/i.exec(input)?.[1];
  const text = decodeURIComponent(fromAddress ?? input)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== verificationCodeLength) return null;
  for (const c of text) if (!alphabet.includes(c)) return null;
  return text;
}

/** The verification codes printed in a file's uncompressed text (the XMP metadata carries it), normalised. */
export function verificationCodesIn(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const pattern = /(?:[0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}/g;
  return [...new Set([...text.matchAll(pattern)].map((m) => m[0].replaceAll('-', '')))];
}
