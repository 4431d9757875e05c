import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../shared/api/session.contract';
import { createDesk, type Desk } from '../../desk';
import { createTestDesk, testPassword, type TestDesk } from '../../testing/test-desk';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
});

describe('first run', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await createDesk({ databaseFile: ':memory:', log: () => undefined });
  });
  afterEach(async () => {
    await desk.close();
  });

  it('asks for the first administrator on an empty database, then signs them in', async () => {
    expect(await desk.invoke(null, 'session:status', {})).toEqual({
      ok: true,
      value: {
        needsSetup: true,
        staff: null,
        today: new Date().toISOString().slice(0, 10),
        isSimulatedToday: false,
      },
    });
    const created = await desk.invoke(null, 'session:createAdministrator', {
      username: 'Ada',
      displayName: 'Ada Admin',
      password: testPassword,
    });
    expect(created).toMatchObject({
      ok: true,
      value: { staff: { username: 'ada', role: 'admin', isActive: true } },
    });
    const token = created.ok ? (created.value as { token: string }).token : null;
    expect(await desk.invoke(token, 'session:status', {})).toMatchObject({
      ok: true,
      value: { needsSetup: false, staff: { displayName: 'Ada Admin' } },
    });
  });

  it('refuses a second "first administrator"', async () => {
    await desk.invoke(null, 'session:createAdministrator', {
      username: 'ada',
      displayName: 'Ada Admin',
      password: testPassword,
    });
    const second = await desk.invoke(null, 'session:createAdministrator', {
      username: 'eve',
      displayName: 'Eve',
      password: testPassword,
    });
    expect(second).toMatchObject({
      ok: false,
      error: { kind: 'refused', message: 'This database already has staff accounts; sign in instead.' },
    });
  });

  it('refuses a short password beside its field', async () => {
    const envelope = await desk.invoke(null, 'session:createAdministrator', {
      username: 'ada',
      displayName: 'Ada',
      password: 'short',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'password',
        message: 'Choose a password of at least 10 characters.',
      },
    });
  });
});

describe('staff administration', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await createTestDesk();
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.desk.invoke(null, 'session:signIn', {
      username: 'nobody',
      password: testPassword,
    });
    const wrong = await t.desk.invoke(null, 'session:signIn', {
      username: 'test-desk',
      password: 'wrong password!',
    });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });

  it('adds a colleague who can then sign in with their role, and audits it', async () => {
    const added = await t.call<StaffMember>('admin', 'staff:add', {
      username: 'Bram',
      displayName: 'Bram Bakker',
      password: testPassword,
      role: 'iro',
    });
    expect(added).toMatchObject({ username: 'bram', role: 'iro', isActive: true, version: 1 });
    expect(
      await t.desk.invoke(null, 'session:signIn', { username: 'bram', password: testPassword }),
    ).toMatchObject({ ok: true, value: { staff: { role: 'iro' } } });
    const audit = await t.call<{
      rows: { action: string; actorName: string; after: { username: string } }[];
    }>('admin', 'audit:list', { entity: 'staff' });
    expect(audit.rows[0]).toMatchObject({
      action: 'staff.add',
      actorName: 'Test admin',
      after: { username: 'bram' },
    });
    expect(JSON.stringify(audit.rows)).not.toContain('scrypt');
  });

  it('refuses a user name that is taken, beside the field', async () => {
    const envelope = await t.attempt('admin', 'staff:add', {
      username: 'test-desk',
      displayName: 'Someone',
      password: testPassword,
      role: 'desk',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'validation', field: 'username' } });
  });

  it('disables an account: its sessions end at once and it cannot sign in', async () => {
    const member = (await t.call<StaffMember[]>('admin', 'staff:list')).find(
      (s) => s.username === 'test-desk',
    )!;
    await t.call('admin', 'staff:update', { id: member.id, version: member.version, isActive: false });
    expect(await t.attempt('desk', 'catalogue:summary')).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(
      await t.desk.invoke(null, 'session:signIn', { username: 'test-desk', password: testPassword }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'unauthenticated',
        message: 'This account is disabled. Ask an administrator to enable it.',
      },
    });
  });

  it('changes a role: the new rights apply from the next sign-in', async () => {
    const member = (await t.call<StaffMember[]>('admin', 'staff:list')).find(
      (s) => s.username === 'test-iro',
    )!;
    const updated = await t.call<StaffMember>('admin', 'staff:update', {
      id: member.id,
      version: member.version,
      role: 'desk',
    });
    expect(updated).toMatchObject({ role: 'desk', version: 2 });
    expect(await t.attempt('iro', 'catalogue:summary')).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('refuses a stale edit of an account with who changed it', async () => {
    const member = (await t.call<StaffMember[]>('admin', 'staff:list')).find(
      (s) => s.username === 'test-ssc',
    )!;
    await t.call('admin', 'staff:update', { id: member.id, version: member.version, displayName: 'Sam SSC' });
    const envelope = await t.attempt('admin', 'staff:update', {
      id: member.id,
      version: member.version,
      displayName: 'Sam',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('was changed by Test admin at');
  });

  it('never lets the administrator lock themselves or the office out', async () => {
    const me = (await t.call<StaffMember[]>('admin', 'staff:list')).find((s) => s.username === 'test-admin')!;
    expect(
      await t.attempt('admin', 'staff:update', { id: me.id, version: me.version, isActive: false }),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(
      await t.attempt('admin', 'staff:update', { id: me.id, version: me.version, role: 'desk' }),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });
});
