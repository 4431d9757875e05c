import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCalls, roles, type Role } from '../shared/api';
import { createTestDesk, type TestDesk } from './testing/test-desk';

/**
 * Who may make each call. Written out by hand, so that widening a call's roles in the contract is a
 * deliberate change that this test makes visible.
 */
const expectedAccess: Record<string, 'public' | readonly Role[]> = {
  'session:status': 'public',
  'session:createAdministrator': 'public',
  'session:signIn': 'public',
  'session:signOut': ['desk', 'iro', 'ssc', 'admin'],
  'staff:list': ['admin'],
  'staff:add': ['admin'],
  'staff:update': ['admin'],
  'catalogue:summary': ['desk', 'iro', 'ssc', 'admin'],
  'catalogue:listProgrammes': ['desk', 'iro', 'ssc', 'admin'],
  'catalogue:searchProgrammes': ['desk', 'iro', 'ssc', 'admin'],
  'catalogue:listCourses': ['desk', 'iro', 'ssc', 'admin'],
  'catalogue:listOrphanCourses': ['desk', 'iro', 'ssc', 'admin'],
  'catalogue:linkCourses': ['desk', 'admin'],
  'catalogue:unlinkCourse': ['desk', 'admin'],
  'catalogue:updateCourse': ['desk', 'admin'],
  'audit:list': ['desk', 'iro', 'ssc', 'admin'],
  'transfer:importFile': ['desk', 'admin'],
  'transfer:exportTable': ['desk', 'iro', 'ssc', 'admin'],
  'demo:load': ['admin'],
  'provisions:listTexts': ['desk', 'iro', 'ssc', 'admin'],
  'provisions:getText': ['desk', 'iro', 'ssc', 'admin'],
  'fees:quote': ['desk', 'iro', 'ssc', 'admin'],
  'fees:refund': ['desk', 'iro', 'ssc', 'admin'],
  'fees:paymentPlan': ['desk', 'iro', 'ssc', 'admin'],
  'fees:programmes': ['desk', 'iro', 'ssc', 'admin'],
  'documents:issue': ['desk', 'ssc', 'admin'],
  'documents:ofStudent': ['desk', 'iro', 'ssc', 'admin'],
  'documents:pdf': ['desk', 'iro', 'ssc', 'admin'],
  'documents:reissue': ['desk', 'ssc', 'admin'],
  'documents:revoke': ['desk', 'ssc', 'admin'],
  'documents:verify': ['desk', 'iro', 'ssc', 'admin'],
  'documents:recordReceivedBbc': ['desk', 'admin'],
  'documents:receivedBbcs': ['desk', 'iro', 'ssc', 'admin'],
  'documents:institutionsToInform': ['desk', 'iro', 'ssc', 'admin'],
  'documents:withdrawReceivedBbc': ['desk', 'admin'],
  'documents:recordInstitutionInformed': ['desk', 'ssc', 'admin'],
  'requests:register': ['desk', 'ssc', 'admin'],
  'requests:attachEvidence': ['desk', 'ssc', 'admin'],
  'requests:evidenceFile': ['desk', 'iro', 'ssc', 'admin'],
  'requests:get': ['desk', 'iro', 'ssc', 'admin'],
  'requests:ofStudent': ['desk', 'iro', 'ssc', 'admin'],
  'requests:worklist': ['desk', 'iro', 'ssc', 'admin'],
  'requests:decide': ['ssc'],
  'requests:correctLetter': ['ssc'],
  'requests:letter': ['desk', 'iro', 'ssc', 'admin'],
  'documents:batchSelection': ['desk', 'ssc', 'admin'],
  'documents:startBatch': ['desk', 'ssc', 'admin'],
  'documents:batchStatus': ['desk', 'ssc', 'admin'],
  'documents:cancelBatch': ['desk', 'ssc', 'admin'],
  'documents:batchZip': ['desk', 'ssc', 'admin'],
  'ledger:studentFile': ['desk', 'iro', 'ssc', 'admin'],
  'ledger:enrol': ['desk', 'admin'],
  'ledger:reassess': ['desk', 'ssc', 'admin'],
  'ledger:terminate': ['desk', 'admin'],
  'ledger:recordPayment': ['desk', 'admin'],
  'ledger:recordReversal': ['desk', 'admin'],
  'ledger:arrearsWorklist': ['desk', 'iro', 'ssc', 'admin'],
  'ledger:recordArrearsStep': ['desk', 'admin'],
  'ledger:arrearsReminderLetter': ['desk', 'admin'],
  'enrolments:ofStudent': ['desk', 'iro', 'ssc', 'admin'],
  'enrolments:apply': ['desk', 'admin'],
  'enrolments:feeFactsFromProfile': ['desk', 'admin'],
  'enrolments:transition': ['desk', 'admin'],
  'enrolments:receiveDocument': ['desk', 'admin'],
  'enrolments:verifyDocument': ['desk', 'admin'],
  'enrolments:rejectDocument': ['desk', 'admin'],
  'enrolments:requestDocument': ['desk', 'admin'],
  'enrolments:attachment': ['desk', 'iro', 'ssc', 'admin'],
  'enrolments:documentsWorklist': ['desk', 'iro', 'ssc', 'admin'],
  'enrolments:startDateRun': ['desk', 'admin'],
  'enrolments:missingDocumentsLetter': ['desk', 'admin'],
  'residence:checkLongTermResidentWording': ['desk', 'iro', 'ssc', 'admin'],
  'residence:longTermResidentStates': ['desk', 'iro', 'ssc', 'admin'],
  'residence:recordLongTermResidentDecision': ['desk', 'ssc', 'admin'],
  'residence:wsfGroup': ['desk', 'iro', 'ssc', 'admin'],
  'residence:indNotificationsWorklist': ['desk', 'iro', 'ssc', 'admin'],
  'residence:recordIndNotification': ['desk', 'admin'],
  'payments:arrangement': ['desk', 'iro', 'ssc', 'admin'],
  'payments:arrange': ['desk', 'admin'],
  'students:search': ['desk', 'iro', 'ssc', 'admin'],
  'students:file': ['desk', 'iro', 'ssc', 'admin'],
  'students:create': ['desk', 'admin'],
  'students:update': ['desk', 'admin'],
  'exchange:recordStay': ['iro', 'admin'],
  'exchange:overview': ['desk', 'iro', 'ssc', 'admin'],
  'exchange:courses': ['desk', 'iro', 'ssc', 'admin'],
  'exchange:file': ['desk', 'iro', 'ssc', 'admin'],
  'exchange:registerCourse': ['iro', 'admin'],
  'exchange:dropCourse': ['iro', 'admin'],
  'exchange:recordResult': ['iro', 'admin'],
  'exchange:registerResit': ['iro', 'admin'],
  'exchange:deregisterResit': ['iro', 'admin'],
  'exchange:recordPlagiarism': ['iro', 'admin'],
  'exchange:decideExtension': ['iro', 'admin'],
  'exchange:transcript': ['desk', 'iro', 'ssc', 'admin'],
  'exchange:issueTranscript': ['iro', 'admin'],
  'exchange:markTranscriptSent': ['iro', 'admin'],
  'exchange:startTranscriptBatch': ['iro', 'admin'],
  'exchange:transcriptBatchStatus': ['iro', 'admin'],
  'exchange:latestTranscriptBatch': ['iro', 'admin'],
  'exchange:cancelTranscriptBatch': ['iro', 'admin'],
  'exchange:transcriptBatchZip': ['iro', 'admin'],
  'exchange:markTranscriptBatchSent': ['iro', 'admin'],
  'exchange:resitStanding': ['desk', 'iro', 'ssc', 'admin'],
  'exchange:recordResitStay': ['iro', 'admin'],
  'exchange:withdrawResitStay': ['iro', 'admin'],
  'exchange:retentionWorklist': ['iro', 'admin'],
  'exchange:runRetention': ['iro', 'admin'],
  'studyProgress:list': ['desk', 'iro', 'ssc', 'admin'],
  'studyProgress:recordCredits': ['desk', 'admin'],
  'studyProgress:recordExcusableReason': ['desk', 'admin'],
  'studyProgress:withdrawExcusableReason': ['desk', 'admin'],
  'studyProgress:exportIndList': ['desk', 'iro', 'ssc', 'admin'],
  'studyProgress:recordIndListSent': ['desk', 'admin'],
};

describe('the role × call matrix, enforced in src/core', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await createTestDesk();
  });
  afterEach(async () => {
    await t.close();
  });

  it('names every call of the contract in the expected matrix, and nothing else', () => {
    expect(allCalls.map((call) => call.name).sort()).toEqual(Object.keys(expectedAccess).sort());
  });

  for (const call of allCalls) {
    it(`${call.name}: ${JSON.stringify(expectedAccess[call.name])}`, async () => {
      expect(call.access).toEqual(expectedAccess[call.name]);
      // A fresh session per attempt, so that a call such as sign-out cannot affect the next one.
      const anonymous = await t.desk.invoke(null, call.name, { obviously: 'not valid input' });
      if (call.access === 'public')
        expect(anonymous.ok || anonymous.error.kind !== 'unauthenticated').toBe(true);
      else expect(anonymous).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });

      for (const role of roles) {
        const token = t.desk.sessions.start(t.staffIds[role]);
        const envelope = await t.desk.invoke(token, call.name, { obviously: 'not valid input' });
        const isAllowed = call.access === 'public' || call.access.includes(role);
        if (isAllowed) {
          expect(envelope.ok ? 'ok' : envelope.error.kind, `${role} may make ${call.name}`).not.toMatch(
            /^(forbidden|unauthenticated)$/,
          );
        } else {
          expect(envelope, `${role} may not make ${call.name}`).toMatchObject({
            ok: false,
            error: { kind: 'forbidden' },
          });
          if (!envelope.ok) expect(envelope.error.message).toContain(`Your role (${role}) may not do this`);
        }
      }
    });
  }

  it('refuses an unknown call by name', async () => {
    expect(await t.attempt('admin', 'catalogue:dropEverything')).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('reports invalid input as a validation error naming the field', async () => {
    const envelope = await t.attempt('desk', 'catalogue:linkCourses', { courseIds: [], programmeIds: [1] });
    expect(envelope).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'courseIds', message: 'Select at least one course.' },
    });
  });

  it('ends the session on sign-out: the next call is unauthenticated', async () => {
    await t.call('desk', 'session:signOut');
    expect(await t.attempt('desk', 'catalogue:summary')).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('ends a session after eight idle hours', async () => {
    t.clock.advanceMinutes(8 * 60 + 1);
    expect(await t.attempt('desk', 'catalogue:summary')).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('hides unexpected errors behind a message that says nothing was changed', async () => {
    await t.desk.database.close();
    const envelope = await t.attempt('desk', 'catalogue:summary');
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('Nothing was changed');
  });
});
