import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrearsWorklistRow, EnrolmentView } from '../../../shared/api/ledger.contract';
import { formatCents } from '../../../shared/money';
import { loadProvisions } from '../../provisions/load-provisions';
import { inspectPdf } from '../../testing/pdf-inspection';
import { enrolPaidThenReversed } from './arrears-test-support';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { nextArrearsAction } from '../payments/arrears.rules';
import { renderArrearsReminderLetter, type ArrearsReminderLetter } from './arrears-letter.pdf';
import { arrearsCaseOf } from './arrears.service';

const provisions = loadProvisions();
const charge = provisions.fees.arrearsAdministrationChargeCents.amountCents;
const instalment = 13813;

let t: TestDesk;
let studentId: number;

interface LetterFile {
  fileName: string;
  pdfBase64: string;
}

function insertStudent(studentNumber: string, givenNames: string, familyName: string): Promise<number> {
  return t.addStudent({
    studentNumber,
    givenNames,
    familyName,
    email: `${studentNumber}@student.example.org`,
  });
}

beforeEach(async () => {
  t = await createTestDesk();
  studentId = await insertStudent('i6123456', 'Łukasz', 'Dvořák');
  await enrolPaidThenReversed(t, studentId, 'PL', instalment);
});
afterEach(async () => {
  await t.close();
});

const blockFacilities = () =>
  t.call('desk', 'ledger:recordArrearsStep', {
    studentId,
    step: 'facilitiesBlockedOn',
    takenOn: '2022-11-10',
  });

const pdfOf = (file: LetterFile) => Buffer.from(file.pdfBase64, 'base64');

describe('the arrears reminder letter (ledger:arrearsReminderLetter, Art 32, 35)', () => {
  it('writes the reminder after a reversed direct debit: amount, term, consequences and articles', async () => {
    await blockFacilities();
    const file = await t.call<LetterFile>('desk', 'ledger:arrearsReminderLetter', {
      studentId,
      today: '2022-11-10',
    });
    expect(file.fileName).toBe('arrears-reminder-i6123456-2022-11-10.pdf');
    const pdf = pdfOf(file);
    const read = inspectPdf(pdf);
    const text = read.flatText;

    expect(text).toContain('Łukasz Dvořák');
    expect(text).toContain('Dear Łukasz Dvořák,');
    expect(text).toContain('Student number i6123456');
    expect(text).toContain('Date 10 November 2022');
    expect(text).toContain('Reminder: reversed direct debit of your tuition fee');
    expect(text).toContain(`Unpaid tuition fee instalments (2) ${formatCents(2 * instalment)}`);
    expect(text).toContain(
      `${formatCents(charge)} per unpaid instalment (Art 32.2) ${formatCents(2 * charge)}`,
    );
    expect(text).toContain(`Total due ${formatCents(2 * instalment + 2 * charge)}`);
    expect(text).toContain(
      `Please pay ${formatCents(2 * instalment + 2 * charge)} so that we receive it by 24 November 2022, within 14 days`,
    );
    expect(text).toContain(
      'UM card and your access to Canvas, the Student Portal and all other digital facilities',
    );
    expect(text).toContain('the de-registration procedure of Article 35 will be started');
    expect(text).toContain('terminate your enrolment, at the earliest as of 1 January 2023');
    expect(text).toContain('i6123456 ARR-RD-i6123456-20221110');
    expect(text).toContain('Sent to i6123456@student.example.org (personal email address)');
    expect(text).toContain('Art 32.2 — Procedure in the event of payment arrears');
    expect(text).toContain('Art 35 — Termination of enrolment in the event of payment arrears');

    expect(read.pages.length).toBeGreaterThan(1);
    read.pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain('Reference ARR-RD-i6123456-20221110');
      expect(flat).toContain(`Page ${i + 1} of ${read.pages.length}`);
    });
    expect(read.fonts.length).toBeGreaterThan(0);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);

    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'arrears.letter')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'student', entityId: 'i6123456', actorName: 'Test desk' });
    expect(JSON.parse(audit[0].afterJson ?? '{}')).toMatchObject({
      kind: 'reversal-reminder',
      reference: 'ARR-RD-i6123456-20221110',
      letterDate: '2022-11-10',
      payBy: '2022-11-24',
      amountDueCents: 2 * instalment + 2 * charge,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('gives the recorded reminder again, with the date it was sent', async () => {
    await blockFacilities();
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'reversalReminderSentOn',
      takenOn: '2022-11-10',
    });
    const file = await t.call<LetterFile>('admin', 'ledger:arrearsReminderLetter', {
      studentId,
      today: '2022-11-20',
    });
    expect(file.fileName).toBe('arrears-reminder-i6123456-2022-11-10.pdf');
    const text = inspectPdf(pdfOf(file)).flatText;
    expect(text).toContain('Date 10 November 2022');
    expect(text).toContain('so that we receive it by 24 November 2022');
  });

  it('gives the same letter for the same day and clock', async () => {
    await blockFacilities();
    const input = { studentId, today: '2022-11-10' };
    const first = await t.call<LetterFile>('desk', 'ledger:arrearsReminderLetter', input);
    const second = await t.call<LetterFile>('desk', 'ledger:arrearsReminderLetter', input);
    expect(second.pdfBase64).toBe(first.pdfBase64);
  });

  it('derives the same case as the arrears worklist', async () => {
    const agree = async (today: string) => {
      const state = await arrearsCaseOf(t.desk.database.db, today, studentId);
      const [row] = await t.call<ArrearsWorklistRow[]>('desk', 'ledger:arrearsWorklist', { today });
      expect(state && nextArrearsAction(state, today, provisions)).toMatchObject({
        action: row?.nextAction.id,
        dueOn: row?.dueOn,
        isDue: row?.isDue,
      });
      expect(state?.arisenOn).toBe(row?.arisenOn);
    };
    await agree('2022-11-10');
    await blockFacilities();
    await agree('2022-11-10');
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId,
      step: 'reversalReminderSentOn',
      takenOn: '2022-11-10',
    });
    await agree('2022-11-30');
  });

  it('refuses while the facilities are not yet blocked, naming the step to take first', async () => {
    const envelope = await t.attempt('desk', 'ledger:arrearsReminderLetter', {
      studentId,
      today: '2022-11-10',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const message = JSON.stringify(envelope);
    expect(message).toContain('Block the UM card and digital facilities');
    expect(message).toContain('Art 32.2');
  });

  it('refuses for a student who is not in arrears, and reports an unknown student', async () => {
    const other = await insertStudent('i6000001', 'Anna', 'Müller');
    const refused = await t.attempt('desk', 'ledger:arrearsReminderLetter', {
      studentId: other,
      today: '2022-11-10',
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(JSON.stringify(refused)).toContain('i6000001 is not in arrears');
    const unknown = await t.attempt('desk', 'ledger:arrearsReminderLetter', { studentId: 9999 });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const audit = await t.desk.database.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'arrears.letter')
      .execute();
    expect(audit).toHaveLength(0);
  });
});

describe('the reminders after a missed instalment (Art 32.1)', () => {
  let payerId: number;

  beforeEach(async () => {
    payerId = await insertStudent('i6200001', 'Zofia', 'Nowak');
    const own = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId: payerId,
      facts: {
        programmeCode: 'b-econometrics-and-operations-research',
        nationalities: ['PL'],
        startDate: '2022-09-01',
      },
    });
    await t.call('desk', 'payments:arrange', {
      enrolmentId: own.id,
      method: 'direct-debit-instalments',
      mandate: { iban: 'NL91ABNA0417164300', accountHolder: 'Z. Nowak', signedOn: '2022-08-20' },
      debitDates: [
        '2022-09-26',
        '2022-10-26',
        '2022-11-28',
        '2022-12-27',
        '2023-01-26',
        '2023-02-27',
        '2023-03-27',
        '2023-04-26',
      ],
    });
    // The first instalment (with the one-off charge of Art 31.10) is collected; the second is not.
    await t.call('desk', 'ledger:recordPayment', {
      studentId: payerId,
      enrolmentId: own.id,
      amountCents: instalment + provisions.fees.instalmentAdministrationChargeCents.amountCents,
      paidOn: '2022-09-26',
    });
  });

  const letterOn = async (today: string) =>
    inspectPdf(
      pdfOf(await t.call<LetterFile>('desk', 'ledger:arrearsReminderLetter', { studentId: payerId, today })),
    ).flatText;

  it('writes the first reminder for the missed instalment only, then the second with the charge', async () => {
    const first = await letterOn('2022-10-30');
    expect(first).toContain('Zofia Nowak');
    expect(first).toContain('First reminder: tuition fee instalment in arrears');
    expect(first).toContain(`Total due ${formatCents(instalment)}`);
    expect(first).toContain('so that we receive it by 13 November 2022');
    expect(first).toContain('Reference ARR-R1-i6200001-20221030');

    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId: payerId,
      step: 'firstReminderSentOn',
      takenOn: '2022-10-30',
    });
    await t.call('desk', 'ledger:recordArrearsStep', {
      studentId: payerId,
      step: 'facilitiesBlockedOn',
      takenOn: '2022-11-14',
    });
    const state = await arrearsCaseOf(t.desk.database.db, '2022-11-14', payerId);
    const row = (
      await t.call<ArrearsWorklistRow[]>('desk', 'ledger:arrearsWorklist', { today: '2022-11-14' })
    ).find((r) => r.studentId === payerId);
    expect(state && nextArrearsAction(state, '2022-11-14', provisions).action).toBe(row?.nextAction.id);

    const second = await letterOn('2022-11-14');
    expect(second).toContain('Second reminder: tuition fee arrears');
    expect(second).toContain(`Total due ${formatCents(instalment + charge)}`);
    expect(second).toContain('so that we receive it by 28 November 2022');
  });
});

describe('renderArrearsReminderLetter', () => {
  const base: ArrearsReminderLetter = {
    kind: 'first-reminder',
    reference: 'ARR-R1-i6234567-20221010',
    letterDate: '2022-10-10',
    payBy: '2022-10-24',
    student: {
      studentNumber: 'i6234567',
      givenNames: 'Σωκράτης',
      familyName: 'Достоевский',
      email: null,
      address: ['Tongersestraat 53', '6211 LM Maastricht'],
    },
    unpaidInstalments: 1,
    instalmentsCents: instalment,
    administrationChargesCents: 0,
    amountDueCents: instalment,
    terminationEffectiveFrom: null,
  };
  const render = (letter: ArrearsReminderLetter) =>
    renderArrearsReminderLetter(letter, { provisions, createdAt: new Date('2022-10-10T09:00:00.000Z') });

  it('announces the blocking and the administration charge in a first reminder (Art 32.1a)', async () => {
    const text = inspectPdf(await render(base)).flatText;
    expect(text).toContain('Σωκράτης Достоевский');
    expect(text).toContain('Tongersestraat 53 6211 LM Maastricht');
    expect(text).toContain('Sent to your UM student account');
    expect(text).toContain('First reminder: tuition fee instalment in arrears');
    expect(text).toContain(`Total due ${formatCents(instalment)}`);
    expect(text).not.toContain('Administration charges:');
    expect(text).toContain(
      'so that we receive it by 24 October 2022, within 14 days of the date of this letter (Art 32.1a)',
    );
    expect(text).toContain(
      `will be blocked, which means, for example, that you can no longer register for courses and exams, and the outstanding amount will be increased by ${formatCents(charge)}`,
    );
    expect(text).toContain('Art 32.1 — Procedure in the event of payment arrears');
    expect(text).toContain('Art 35 — Termination of enrolment');
  });

  it('states the charges added and the termination in a second reminder (Art 32.1b, 35)', async () => {
    const text = inspectPdf(
      await render({
        ...base,
        kind: 'second-reminder',
        reference: 'ARR-R2-i6234567-20221110',
        letterDate: '2022-11-10',
        payBy: '2022-11-24',
        administrationChargesCents: charge,
        amountDueCents: instalment + charge,
        terminationEffectiveFrom: '2023-01-01',
      }),
    ).flatText;
    expect(text).toContain('Second reminder: tuition fee arrears');
    expect(text).toContain('This is the second reminder under Article 32 paragraph 1b');
    expect(text).toContain(`${formatCents(charge)} per unpaid instalment (Art 32.1a) ${formatCents(charge)}`);
    expect(text).toContain(`Total due ${formatCents(instalment + charge)}`);
    expect(text).toContain('at the earliest as of 1 January 2023');
    expect(text).toContain('(Art 32.1b)');
  });

  it('points to the refused re-enrolment when a termination could only follow the academic year (Art 3.5)', async () => {
    const text = inspectPdf(
      await render({
        ...base,
        kind: 'reversal-reminder',
        letterDate: '2023-07-20',
        payBy: '2023-08-03',
        administrationChargesCents: charge,
        amountDueCents: instalment + charge,
        terminationEffectiveFrom: null,
      }),
    ).flatText;
    expect(text).toContain('ends by law on 31 August 2023');
    expect(text).toContain('Art 3.5');
  });
});
