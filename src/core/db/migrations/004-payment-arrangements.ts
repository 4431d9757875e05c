import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** How each enrolment's fee is paid: the method, the SEPA mandate, a third-party payer, the debit dates (Art 14.3, 31). */
export const migration004PaymentArrangements: Migration = {
  number: 4,
  name: 'payment-arrangements',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('payment_arrangements')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('enrolment_id', 'integer', (c) =>
        c.notNull().unique().references('enrolments.id').onDelete('restrict'),
      )
      .addColumn('method', 'text', (c) =>
        c
          .notNull()
          .check(sql`method in ('lump-sum-transfer', 'lump-sum-direct-debit', 'direct-debit-instalments')`),
      )
      // The SEPA mandate: present exactly when the method is a direct debit.
      .addColumn('iban', 'text')
      .addColumn('account_holder', 'text')
      .addColumn('mandate_signed_on', 'text')
      .addColumn('mandate_reference', 'text')
      .addColumn('third_party_name', 'text')
      .addColumn('third_party_authorised_on', 'text')
      .addColumn('debit_dates_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('faculty_offers_instalments', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'payment_arrangements_mandate',
        sql`(method = 'lump-sum-transfer') = (iban is null)`,
      )
      .execute();
  },
};
