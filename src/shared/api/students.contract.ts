import { z } from 'zod';
import { studentProfileSchema } from '../facts/student-profile';
import { defineCall, everyRole } from './define-call';

const id = z.number().int().positive();
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Use an ISO country code such as "NL".');

/** A student number as the university issues it: "i" and seven digits, e.g. i6000123. */
export const studentNumberSchema = z
  .string()
  .trim()
  .regex(/^i\d{7}$/, 'A student number is "i" followed by seven digits, e.g. i6000123.');

/** The kinds of address on a student file. */
export const addressKinds = ['home', 'term', 'postal'] as const;

/** One postal address of a student. */
export const studentAddressSchema = z.strictObject({
  /** home: the family or permanent address; term: where the student lives while studying; postal: for letters. */
  kind: z.enum(addressKinds),
  /** Street and number, and any further lines, in the order they are written. */
  lines: z
    .array(z.string().trim().min(1).max(120))
    .min(1, 'Give at least the street and number.')
    .max(4, 'An address has at most four lines besides postcode and city.'),
  /** Postcode as written in that country; null where there is none. Default null. */
  postcode: z.string().trim().min(1).max(20).nullable().default(null),
  city: z.string().trim().min(1, 'Give the city.').max(100),
  /** ISO 3166-1 alpha-2 code of the country. */
  country: countryCode,
});
/** One postal address as parsed. */
export type StudentAddress = z.output<typeof studentAddressSchema>;

/** How to reach a student besides the university e-mail: any number of addresses and a phone number. */
export const studentContactSchema = z.strictObject({
  /** Every address on file, in the order staff recorded them. Default []. */
  addresses: z.array(studentAddressSchema).max(10).default([]),
  /** Phone number as given, international format preferred; null when not known. Default null. */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{6,30}$/, 'Give the phone number in digits, e.g. +31 43 388 2222.')
    .nullable()
    .default(null),
});
/** A student's contact details as parsed. */
export type StudentContact = z.output<typeof studentContactSchema>;
/** A student's contact details as written (defaults may be omitted). */
export type StudentContactInput = z.input<typeof studentContactSchema>;

/** One search hit: who the student is, with date of birth and nationalities when the desk recorded them. */
export const studentSearchHitSchema = z.object({
  id,
  studentNumber: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  email: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
});
export type StudentSearchHit = z.infer<typeof studentSearchHitSchema>;

/** The student file: core fields, contact, the profile the enrolment rules read, and its version. */
export const studentFileSchema = z.object({
  id,
  studentNumber: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  email: z.string().nullable(),
  contact: studentContactSchema,
  /** `studentProfileSchema` as parsed; null until the desk records it. */
  profile: studentProfileSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type StudentFile = z.infer<typeof studentFileSchema>;

const names = {
  familyName: z.string().trim().min(1, 'Give the family name.').max(120),
  /** Given names in any script, as on the passport. */
  givenNames: z.string().trim().min(1, 'Give the given names.').max(120),
  email: z.email('Give an e-mail address such as name@example.org.').max(200).nullable(),
};

/** The student file: search, read, create and change (issue 4 point 1). */
export const studentsContract = {
  search: defineCall({
    name: 'students:search',
    summary:
      'Find students as you type: every word a prefix of the number or a name, accents ignored; number matches first',
    access: everyRole,
    input: z.object({
      query: z.string().max(100),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: z.array(studentSearchHitSchema),
  }),
  file: defineCall({
    name: 'students:file',
    summary: "A student's file: names, contact, the recorded profile (residence, education, Art 3 flags)",
    access: everyRole,
    input: z.object({ studentId: id }),
    output: studentFileSchema,
  }),
  create: defineCall({
    name: 'students:create',
    summary: 'Add a student with a new student number (i and seven digits)',
    access: ['desk', 'admin'],
    input: z.object({
      studentNumber: studentNumberSchema,
      ...names,
      email: names.email.default(null),
      contact: studentContactSchema.prefault({}),
      profile: studentProfileSchema.nullable().default(null),
    }),
    output: studentFileSchema,
  }),
  update: defineCall({
    name: 'students:update',
    summary:
      "Change a student's names, contact or profile; names the version read and why (optimistic concurrency, audited)",
    access: ['desk', 'admin'],
    input: z.object({
      studentId: id,
      expectedVersion: z.number().int().positive(),
      familyName: names.familyName.optional(),
      givenNames: names.givenNames.optional(),
      email: names.email.optional(),
      contact: studentContactSchema.optional(),
      profile: studentProfileSchema.nullable().optional(),
      reason: z
        .string()
        .trim()
        .min(3, 'Say why the file changes, e.g. "New residence permit shown at the desk".')
        .max(500),
    }),
    output: studentFileSchema,
  }),
};
