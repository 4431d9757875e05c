import { z } from 'zod';
import { defineCall, everyRole } from './define-call';
import { reasonSchema } from './fees.contract';

const id = z.number().int().positive();
const isoDate = z.iso.date('Use a date such as 2022-09-01.');

/** The ways of paying of Art 31.4: a lump-sum transfer, a lump-sum direct debit, or direct debit in instalments. */
export const paymentMethods = [
  'lump-sum-transfer',
  'lump-sum-direct-debit',
  'direct-debit-instalments',
] as const;
export type PaymentMethodId = (typeof paymentMethods)[number];

/** How the ways of paying of Art 31.4 are named, with the sub-paragraph. */
export const paymentMethodLabels: Readonly<Record<PaymentMethodId, string>> = {
  'lump-sum-transfer': 'Bank transfer, one payment (Art 31.4a)',
  'lump-sum-direct-debit': 'Direct debit, one payment (Art 31.4b)',
  'direct-debit-instalments': 'Direct debit in instalments (Art 31.4c)',
};

/** Where one instalment stands against the payments booked on the enrolment. */
export const instalmentStatuses = ['paid', 'part-paid', 'upcoming', 'overdue'] as const;

/** The named third party who pays for an adult or external student (Art 14.3). */
export const thirdPartyPayerSchema = z.object({
  name: z.string().trim().min(1, 'Name the third party who pays.').max(200),
  authorisationReceivedOn: isoDate,
});

/** The SEPA direct-debit mandate of Art 31.4b–c. */
export const sepaMandateSchema = z.object({
  iban: z.string(),
  accountHolder: z.string(),
  signedOn: z.string(),
  reference: z.string(),
});

/** How an enrolment's fee is paid, as recorded, with its instalment schedule where there is one. */
export const paymentArrangementSchema = z.object({
  enrolmentId: id,
  method: z.enum(paymentMethods),
  methodLabel: z.string(),
  mandate: sepaMandateSchema.nullable(),
  thirdPartyPayer: thirdPartyPayerSchema.nullable(),
  /** Empty for a lump sum. */
  instalments: z.array(
    z.object({
      number: z.number().int().positive(),
      debitDate: z.string(),
      amountCents: z.number().int(),
      administrationChargeCents: z.number().int(),
      /** What the payments on the enrolment cover of this instalment, taken in order. */
      paidCents: z.number().int(),
      status: z.enum(instalmentStatuses),
    }),
  ),
  totalCents: z.number().int(),
  reasons: z.array(reasonSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type PaymentArrangement = z.infer<typeof paymentArrangementSchema>;

/** One way of paying, open or refused for this enrolment, with why. */
export const paymentOptionSchema = z.object({
  method: z.enum(paymentMethods),
  label: z.string(),
  allowed: z.boolean(),
  instalmentCount: z.number().int().nullable(),
  reasons: z.array(reasonSchema),
});

/** Payment arrangements per enrolment: method, SEPA mandate, third-party payer, instalments (Art 14.3, 31). */
export const paymentsContract = {
  arrangement: defineCall({
    name: 'payments:arrangement',
    summary: "An enrolment's payment arrangement and the ways of paying open to it, with the articles",
    access: everyRole,
    input: z.object({ enrolmentId: id }),
    output: z.object({
      arrangement: paymentArrangementSchema.nullable(),
      options: z.array(paymentOptionSchema),
      /** Debit dates of the latest instalment schedule recorded for the same intake, to reuse. */
      suggestedDebitDates: z.array(z.string()),
    }),
  }),
  arrange: defineCall({
    name: 'payments:arrange',
    summary:
      'Record how an enrolment is paid: method, SEPA mandate with IBAN check, third-party payer, instalment dates (Art 14.3, 31.4–31.10)',
    access: ['desk', 'admin'],
    input: z.object({
      enrolmentId: id,
      method: z.enum(paymentMethods),
      mandate: z
        .object({
          iban: z.string().trim().min(1, 'Give the IBAN of the account to be debited.'),
          accountHolder: z.string().trim().min(1, 'Give the name of the account holder.').max(200),
          signedOn: isoDate,
        })
        .nullable()
        .default(null),
      thirdPartyPayer: thirdPartyPayerSchema.nullable().default(null),
      /** The debit dates published on the UM website, one per instalment (Art 31.4c). */
      debitDates: z.array(isoDate).default([]),
      /** Study fee only: the faculty board offers instalments (Art 28.4). */
      facultyOffersInstalments: z.boolean().default(false),
      /** The version of the arrangement read; absent when recording the first one. */
      expectedVersion: z.number().int().optional(),
    }),
    output: paymentArrangementSchema,
  }),
};
