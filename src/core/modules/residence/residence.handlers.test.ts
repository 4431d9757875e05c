import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type CallOutput } from '../../../shared/api';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';

type Check = CallOutput<'residence:checkLongTermResidentWording'>;

let t: TestDesk;
beforeAll(async () => {
  t = await createTestDesk();
});
afterAll(async () => {
  await t.close();
});

describe('residence:checkLongTermResidentWording on the desk', () => {
  it.each(roles)(
    'answers %s staff with the matched term and its articles (App III, App II k)',
    async (role) => {
      const result = await t.call<Check>(role, 'residence:checkLongTermResidentWording', {
        memberState: 'DE',
        wording: 'Daueraufenthalt – EU',
      });
      expect(result).toMatchObject({
        outcome: 'match',
        matchedTerm: { state: 'DE', stateName: 'Germany', term: 'Daueraufenthalt – EG', former: false },
      });
      expect(result.reasons.map((r) => r.article)).toEqual(['App III', 'App III', 'App II k']);
    },
  );

  it('flags another Member State’s term for review', async () => {
    const result = await t.call<Check>('iro', 'residence:checkLongTermResidentWording', {
      memberState: 'FR',
      wording: 'Daueraufenthalt – EG',
    });
    expect(result.outcome).toBe('needs-review');
    expect(result.nearestTerm?.term).toBe('Daueraufenthalt – EG');
  });

  it('refuses a country outside the EU and empty wording as validation errors naming the field', async () => {
    expect(
      await t.attempt('desk', 'residence:checkLongTermResidentWording', { memberState: 'US', wording: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'memberState' } });
    expect(
      await t.attempt('desk', 'residence:checkLongTermResidentWording', { memberState: 'DE', wording: '  ' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'wording' } });
    expect(
      await t.attempt('desk', 'residence:checkLongTermResidentWording', {
        academicYear: '1999-00',
        memberState: 'DE',
        wording: 'Daueraufenthalt',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'academicYear' } });
  });

  it('is refused when signed out', async () => {
    expect(
      await t.attempt(null, 'residence:checkLongTermResidentWording', { memberState: 'DE', wording: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
  });
});
