import { describe, expect, it } from 'vitest';
import { exchangeGuideSchema } from './exchange-guide.schema';
import { loadExchangeGuide } from './load-exchange-guide';
import {
  checkResitStayRequest,
  checkRetentionRun,
  decideRetention,
  registrationRefusal,
  retentionChange,
  retentionRules,
  type RetentionFacts,
} from './resit-retention.rules';

const guide = loadExchangeGuide('2022-23');
const location = 'Exchange guide, Location of the re-sit';

const facts = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  semesters: ['2022-fall'],
  semester: '2022-fall',
  today: '2023-02-06',
  resits: [{ code: 'EBC2001', period: 2, status: 'registered' }],
  exclusion: null,
  request: { status: 'requested', requestedOn: '2023-01-16', withdrawnOn: null },
  recorded: null,
  umAccountEndsOn: '2023-04-04',
  ...over,
});

describe('the guide’s facts of re-sit retention', () => {
  it('holds the removal day and the period-2 re-sit window as data of the year, checked by the schema', () => {
    expect(guide.resitRetention).toMatchObject({
      removalOn: '2023-02-03',
      resitPeriod: 2,
      resitWindow: { registrationOpensOn: '2023-03-01', lastSittingOn: '2023-03-31' },
    });
    expect(guide.resitRetention.removalAtEndOfFall.text).toContain(
      'at the end of the fall semester all students are removed from the information system for students',
    );
    const early = structuredClone(guide);
    early.resitRetention.removalOn = '2023-01-20';
    const result = exchangeGuideSchema.safeParse(early);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'resitRetention.removalOn',
      'fall students are removed at the end of the fall semester: on or after 2023-02-03',
    ]);
    const backwards = structuredClone(guide);
    backwards.resitRetention.resitWindow.lastSittingOn = '2023-03-01';
    expect(exchangeGuideSchema.safeParse(backwards).error?.issues[0]?.path.join('.')).toBe(
      'resitRetention.resitWindow',
    );
    const spring = structuredClone(guide);
    spring.resitRetention.resitPeriod = 4;
    expect(exchangeGuideSchema.safeParse(spring).success).toBe(false);
  });

  it('lists the rules the run applies, verbatim, with the UM account rule', () => {
    expect(retentionRules(guide).map((r) => r.article)).toEqual([
      location,
      location,
      location,
      'Exchange guide, Student Portal',
    ]);
  });
});

describe('the request to stay for the period-2 re-sits', () => {
  const request = (over: Partial<RetentionFacts> = {}) =>
    checkResitStayRequest(guide, { ...facts(over), request: over.request ?? null });

  it('is allowed for a fall student registered for a period-2 re-sit, kept until the last sitting', () => {
    const decision = request({ today: '2023-01-16' });
    expect(decision.outcome).toBe('allowed');
    expect(decision.reasons).toEqual([
      { article: location, text: guide.resitRetention.stayOnRequest.text },
      {
        article: location,
        text: 'Registered for the re-sit of EBC2001 (period 2): the student is kept in the system until the last period 2 re-sit on 2023-03-31.',
      },
    ]);
  });

  it('is refused with the rule for a period-1 re-sit only, a deregistered re-sit, a spring stay, after removal or after the re-sits', () => {
    const refusal = (over: Partial<RetentionFacts>) => {
      const decision = request(over);
      expect(decision.outcome).toBe('refused');
      return decision.reasons[0];
    };
    expect(refusal({ resits: [{ code: 'EBC1001', period: 1, status: 'registered' }] })?.text).toContain(
      'not registered for the re-sit of a period 2 course',
    );
    expect(refusal({ resits: [{ code: 'EBC2001', period: 2, status: 'deregistered' }] })?.article).toBe(
      location,
    );
    expect(refusal({ semesters: ['2022-fall', '2023-spring'] })?.text).toBe(
      'The exchange ends with Spring 2023, not with a fall semester: only fall students are removed at the end of the fall semester, so there is nothing to stay for.',
    );
    expect(
      refusal({ recorded: { outcome: 'removed', effectiveOn: '2023-02-03', umAccountEndsOn: '2023-04-04' } })
        ?.text,
    ).toContain('removed from active registration on 2023-02-03');
    expect(refusal({ today: '2023-04-01' })?.text).toContain('re-sits ended on 2023-03-31');
    expect(
      refusal({ exclusion: { academicYear: '2022-23', period: 2, decidedOn: '2023-01-10' } })?.article,
    ).toBe('Exchange guide, Plagiarism');
  });
});

describe('each fall student’s outcome of the run', () => {
  it('keeps a student who asked to stay and is registered for a period-2 re-sit until the last sitting, UM account 60 days later', () => {
    const decision = decideRetention(guide, facts());
    expect(decision).toMatchObject({
      outcome: 'kept',
      effectiveOn: '2023-03-31',
      umAccountEndsOn: '2023-05-30',
      resits: ['EBC2001'],
      withdrawsResits: [],
      needsAttention: false,
    });
    expect(decision.reasons.map((r) => r.article)).toEqual([
      location,
      location,
      'Exchange guide, Student Portal',
    ]);
    expect(decision.reasons[0]?.text).toBe(
      'The exchange ends with Fall 2022: at the end of the fall semester (2023-02-03) fall students are removed from active registration unless they asked to stay for the period 2 re-sits.',
    );
  });

  it('removes a student registered for a period-2 re-sit who did not ask, withdrawing the re-sit and flagging the student', () => {
    const decision = decideRetention(guide, facts({ request: null }));
    expect(decision).toMatchObject({
      outcome: 'removed',
      effectiveOn: '2023-02-03',
      umAccountEndsOn: '2023-04-04',
      withdrawsResits: ['EBC2001'],
      needsAttention: true,
    });
    expect(decision.reasons.map((r) => r.text)).toContain(
      'Registered for the re-sit of EBC2001 (period 2) but did not ask to stay: after the removal the student cannot register for or take that re-sit.',
    );
  });

  it('removes after plagiarism with the guide’s rule, and after a withdrawn request', () => {
    const excluded = decideRetention(
      guide,
      facts({ exclusion: { academicYear: '2022-23', period: 2, decidedOn: '2023-01-10' }, resits: [] }),
    );
    expect(excluded.outcome).toBe('removed');
    expect(excluded.reasons[1]?.article).toBe('Exchange guide, Plagiarism');
    const withdrawn = decideRetention(
      guide,
      facts({ request: { status: 'withdrawn', requestedOn: '2023-01-16', withdrawnOn: '2023-01-20' } }),
    );
    expect(withdrawn).toMatchObject({ outcome: 'removed', needsAttention: false });
    expect(withdrawn.reasons[1]?.text).toBe('The request to stay was withdrawn on 2023-01-20.');
  });

  it('ends a kept student’s registration on the day of removal, or at the last re-sit when that came first', () => {
    const kept = { outcome: 'kept' as const, effectiveOn: '2023-03-31', umAccountEndsOn: '2023-05-30' };
    expect(
      decideRetention(guide, facts({ recorded: kept, request: null, today: '2023-03-10' })),
    ).toMatchObject({ outcome: 'removed', effectiveOn: '2023-03-10', umAccountEndsOn: '2023-05-09' });
    expect(decideRetention(guide, facts({ recorded: kept, today: '2023-04-12' }))).toMatchObject({
      outcome: 'removed',
      effectiveOn: '2023-03-31',
      umAccountEndsOn: '2023-05-30',
    });
  });

  it('treats a removal as final and a repeated outcome as unchanged', () => {
    const removed = { outcome: 'removed' as const, effectiveOn: '2023-02-03', umAccountEndsOn: '2023-04-04' };
    const decision = decideRetention(guide, facts({ recorded: removed }));
    expect(decision).toMatchObject({ outcome: 'removed', effectiveOn: '2023-02-03', withdrawsResits: [] });
    expect(retentionChange(decision, removed)).toBe('unchanged');
    expect(retentionChange({ outcome: 'kept', effectiveOn: '2023-03-31' }, null)).toBe('keep');
    expect(
      retentionChange(
        { outcome: 'removed', effectiveOn: '2023-03-10' },
        { outcome: 'kept', effectiveOn: '2023-03-31', umAccountEndsOn: '2023-05-30' },
      ),
    ).toBe('remove');
  });
});

describe('what the outcome allows afterwards', () => {
  it('refuses the run before the removal day, not on it', () => {
    expect(checkRetentionRun(guide, '2023-02-02').outcome).toBe('refused');
    expect(checkRetentionRun(guide, '2023-02-03').outcome).toBe('allowed');
  });

  it('refuses a removed student every registration and a kept student a course, but not a re-sit', () => {
    const removed = { outcome: 'removed' as const, effectiveOn: '2023-02-03' };
    const kept = { outcome: 'kept' as const, effectiveOn: '2023-03-31' };
    expect(registrationRefusal(guide, removed, 'resit')?.text).toContain(
      'This means that you will not be able to register for the re-sit in March.',
    );
    expect(registrationRefusal(guide, removed, 'course')?.article).toBe(location);
    expect(registrationRefusal(guide, kept, 'course')?.text).toBe(
      'The student is kept in the system only for the period 2 re-sits (until 2023-03-31); no course can be registered.',
    );
    expect(registrationRefusal(guide, kept, 'resit')).toBeNull();
    expect(registrationRefusal(guide, null, 'course')).toBeNull();
  });
});
