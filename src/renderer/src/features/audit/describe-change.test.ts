import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/api/audit.contract';
import { describeChange } from './describe-change';

const entry = (action: string, before: unknown, after: unknown): AuditEntry => ({
  id: 1,
  at: '2022-09-05T09:00:00.000Z',
  actorId: 1,
  actorName: 'Dirk Desk',
  actorRole: 'desk',
  action,
  entity: 'course',
  entityId: 'EBC2011',
  before,
  after,
  reason: null,
});

describe('the audit trail says in one line what changed', () => {
  it('names the course and programme of a link and an unlink', () => {
    expect(
      describeChange(
        entry('course.link', null, { course: 'EBC2011 Microeconomics', programme: 'M Economics' }),
      ),
    ).toBe('EBC2011 Microeconomics → M Economics');
    expect(
      describeChange(
        entry('course.unlink', { course: 'EBC2011 Microeconomics', programme: 'M Economics' }, null),
      ),
    ).toBe('EBC2011 Microeconomics ✕ M Economics');
  });

  it('lists only the fields an edit changed, not the bookkeeping', () => {
    const before = {
      id: 7,
      title: 'Microeconomics',
      period: 2,
      coordinator: null,
      version: 1,
      updatedAt: 'a',
    };
    const after = {
      id: 7,
      title: 'Microeconomics I',
      period: 2,
      coordinator: 'Dr. Kaya',
      version: 2,
      updatedAt: 'b',
    };
    expect(describeChange(entry('course.update', before, after))).toBe(
      'title: Microeconomics → Microeconomics I; coordinator: — → Dr. Kaya',
    );
  });

  it('lists the fields of a created record', () => {
    expect(
      describeChange(entry('staff.add', null, { id: 4, username: 'ingrid', role: 'iro', version: 1 })),
    ).toBe('username: ingrid; role: iro');
  });
});
