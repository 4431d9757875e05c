import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { courseLines, csvBase64 } from './transfer-test-support';

let t: TestDesk;

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('the transfer calls', () => {
  it('let the desk import a file and record the signed-in member of staff', async () => {
    const result = await t.call('desk', 'transfer:importFile', {
      kind: 'courses',
      fileName: 'courses.csv',
      contentBase64: csvBase64(courseLines),
      dryRun: false,
    });
    expect(result).toMatchObject({
      dryRun: false,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    const summary = await t.desk.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'import.file')
      .executeTakeFirstOrThrow();
    expect(summary).toMatchObject({
      actorId: t.staffIds.desk,
      actorName: 'Test desk',
      actorRole: 'desk',
      entityId: 'courses.csv',
    });
  });

  it('refuse an import to a role the contract does not name', async () => {
    const envelope = await t.attempt('iro', 'transfer:importFile', {
      kind: 'courses',
      fileName: 'courses.csv',
      contentBase64: csvBase64(courseLines),
      dryRun: true,
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('answer a file of the wrong type with a validation error that says which formats work', async () => {
    const envelope = await t.attempt('desk', 'transfer:importFile', {
      kind: 'courses',
      fileName: 'courses.ods',
      contentBase64: csvBase64(courseLines),
      dryRun: true,
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation', field: 'fileName' } });
    expect(envelope.ok ? '' : envelope.error.message).toContain('CSV (.csv) and Excel workbooks (.xlsx)');
  });

  it('let every role export, in the shape the contract declares', async () => {
    await t.call('desk', 'transfer:importFile', {
      kind: 'courses',
      fileName: 'courses.csv',
      contentBase64: csvBase64(courseLines),
      dryRun: false,
    });
    const file = await t.call<{ fileName: string; rows: number }>('ssc', 'transfer:exportTable', {
      table: 'orphanCourses',
      format: 'xlsx',
    });
    expect(file).toMatchObject({ fileName: 'orphanCourses-2022-09-05.xlsx', rows: 3 });
  });
});
