import type { EnrolmentView } from '../../../shared/api/ledger.contract';
import type { TestDesk } from '../../testing/test-desk';

/**
 * Enrols a student (B Econometrics, 1 September 2022, €1,105), books the whole fee as paid, then two
 * direct debits of one instalment each as reversed (3 October, 2 November 2022): arrears by Art 32.2.
 */
export async function enrolPaidThenReversed(
  t: TestDesk,
  studentId: number,
  nationality: string,
  instalmentCents: number,
): Promise<EnrolmentView> {
  const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
    studentId,
    facts: {
      programmeCode: 'b-econometrics-and-operations-research',
      nationalities: [nationality],
      startDate: '2022-09-01',
    },
  });
  await t.call('desk', 'ledger:recordPayment', {
    studentId,
    enrolmentId: enrolment.id,
    amountCents: enrolment.fee.amountCents,
    paidOn: '2022-08-30',
  });
  for (const reversedOn of ['2022-10-03', '2022-11-02']) {
    await t.call('desk', 'ledger:recordReversal', {
      studentId,
      enrolmentId: enrolment.id,
      amountCents: instalmentCents,
      reversedOn,
    });
  }
  return enrolment;
}
