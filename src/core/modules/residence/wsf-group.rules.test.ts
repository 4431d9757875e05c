import { afterAll, describe, expect, it } from 'vitest';
import { studentProfileSchema, type StudentProfileInput } from '../../../shared/facts/student-profile';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import type { ProvisionReason } from '../payments/provision-reason';
import { deriveWsfGroup, type WsfGroupDerivation } from './wsf-group.rules';

const provisions = loadProvisions('2022-23');
const produced: ProvisionReason[] = [];
const ON = '2022-09-01';

function derive(profile: Partial<StudentProfileInput>, onDate = ON): WsfGroupDerivation {
  const result = deriveWsfGroup(
    studentProfileSchema.parse({
      dateOfBirth: '2000-01-01',
      nationalities: ['US'],
      residence: { countryOfResidence: 'NL' },
      ...profile,
    }),
    provisions,
    onDate,
  );
  produced.push(...result.reasons);
  return result;
}

function withPermit(permit: NonNullable<StudentProfileInput['residence']['permit']>, nationalities = ['MA']) {
  return derive({ nationalities, residence: { countryOfResidence: 'NL', permit } });
}

describe('the groups of Appendix II by nationality', () => {
  it('places a Dutch national, also with another nationality, in group a', () => {
    expect(derive({ nationalities: ['US', 'NL'] })).toEqual({
      outcome: 'group',
      group: 'a',
      groupKey: 'dutch-national',
      reasons: [{ article: 'App II a', text: 'The student is a Dutch national, and so belongs to group a.' }],
    });
  });

  it.each([
    [
      'b',
      'PL',
      'eu-national',
      'The student is a national of PL (Poland), one of the countries group b lists, and so belongs to group b.',
    ],
    [
      'c',
      'NO',
      'eea-national',
      'The student is a national of NO (Norway), one of the countries group c lists, and so belongs to group c.',
    ],
    [
      'e',
      'CH',
      'swiss-national',
      'The student is a national of CH (Switzerland), one of the countries group e lists, and so belongs to group e.',
    ],
  ])('places a national of the countries it lists in group %s', (group, code, key, text) => {
    expect(derive({ nationalities: ['US', code] })).toEqual({
      outcome: 'group',
      group,
      groupKey: key,
      reasons: [{ article: `App II ${group}`, text }],
    });
  });
});

describe('the United Kingdom footnote', () => {
  it('treats a British national in the BRP since before 31 December 2020 as group b', () => {
    expect(
      derive({ nationalities: ['GB'], registeredInBrp: true, brpRegisteredSince: '2019-08-15' }),
    ).toEqual({
      outcome: 'group',
      group: 'b',
      groupKey: 'eu-national',
      reasons: [
        {
          article: 'App II footnote',
          text: 'The student is a British national registered in the BRP without interruption since 15 August 2019, before 31 December 2020, and so under the withdrawal agreement is treated as group b.',
        },
      ],
    });
  });

  it('classes a British national who moved later as non-EU, whose group follows from the permit', () => {
    const result = derive({
      nationalities: ['GB'],
      registeredInBrp: true,
      brpRegisteredSince: '2020-12-31',
      residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
    });
    expect(result).toMatchObject({ outcome: 'no-group', group: null });
    expect(result.reasons).toEqual([
      {
        article: 'App II footnote',
        text: 'The student is a British national registered in the BRP only since 31 December 2020, not before 31 December 2020, and so is classed as a non-EU/EEA national whose group follows from the residence documents.',
      },
      {
        article: 'App II',
        text: 'The student is a national of GB (United Kingdom) with a Dutch residence permit for study, which shows none of the groups of Appendix II, and no other ground for a group is recorded.',
      },
    ]);
  });

  it('places a British national with a permanent residence document of the Withdrawal Agreement in group l', () => {
    const result = derive({
      nationalities: ['GB'],
      residence: { countryOfResidence: 'NL', permit: { type: 'withdrawal-agreement-permanent' } },
    });
    expect(result).toMatchObject({
      outcome: 'group',
      group: 'l',
      groupKey: 'withdrawal-agreement-permanent-residence',
    });
    expect(result.reasons).toEqual([
      {
        article: 'App II footnote',
        text: 'The student is a British national not registered in the BRP since before 31 December 2020, and so is classed as a non-EU/EEA national whose group follows from the residence documents.',
      },
      {
        article: 'App II l',
        text: 'The student’s Dutch residence document (withdrawal agreement permanent) is valid on 1 September 2022 and places the student in group l.',
      },
    ]);
  });
});

describe('the groups of Appendix II by residence document', () => {
  it('places a Turkish national under Association Decision 1/80 in group d, and no one else', () => {
    expect(withPermit({ type: 'association-decision-1-80' }, ['TR'])).toEqual({
      outcome: 'group',
      group: 'd',
      groupKey: 'turkish-national-association-decision',
      reasons: [
        {
          article: 'App II d',
          text: 'The student is a national of TR (Turkey) whose residence document shows the rights of Association Decision 1/80, and so belongs to group d.',
        },
      ],
    });
    const notTurkish = withPermit({ type: 'association-decision-1-80' }, ['MA']);
    expect(notTurkish.group).toBeNull();
    expect(notTurkish.reasons[0]).toEqual({
      article: 'App II d',
      text: 'Group d concerns Turkish nationals under Association Decision 1/80, and the student is not a national of TR (Turkey).',
    });
  });

  it.each([
    ['eu-family-member', 'f', 'eu-family-member-permit'],
    ['asylum-fixed-period', 'g', 'asylum-permit-fixed-period'],
    ['asylum-indefinite-period', 'h', 'asylum-permit-indefinite-period'],
    ['regular-indefinite-period', 'i', 'regular-permit-indefinite-period'],
    ['eu-long-term-resident-netherlands', 'j', 'eu-long-term-resident-netherlands'],
    ['withdrawal-agreement-permanent', 'l', 'withdrawal-agreement-permanent-residence'],
  ] as const)('places the holder of a residence document (%s) in group %s', (type, group, key) => {
    expect(withPermit({ type, validUntil: '2026-01-31' })).toEqual({
      outcome: 'group',
      group,
      groupKey: key,
      reasons: [
        {
          article: `App II ${group}`,
          text: `The student’s Dutch residence document (${type.replaceAll('-', ' ')}) is valid on 1 September 2022 and places the student in group ${group}.`,
        },
      ],
    });
  });

  it('places a fixed-period regular permit in group m only under a condition 1°–7°', () => {
    expect(withPermit({ type: 'regular-fixed-period', groupMConditions: [5, 1] })).toEqual({
      outcome: 'group',
      group: 'm',
      groupKey: 'regular-permit-fixed-period-qualifying',
      reasons: [
        {
          article: 'App II m',
          text: 'The student’s Dutch residence document (regular fixed period) is valid on 1 September 2022 and places the student in group m.',
        },
        { article: 'App II m 1°', text: 'The permit was issued under condition 1° of group m.' },
        { article: 'App II m 5°', text: 'The permit was issued under condition 5° of group m.' },
      ],
    });
    const without = withPermit({ type: 'regular-fixed-period' });
    expect(without).toMatchObject({ outcome: 'no-group', group: null });
    expect(without.reasons[0]).toEqual({
      article: 'App II m',
      text: 'The regular residence permit for a fixed period counts only if issued under one of the conditions 1°–7° of group m, and none is recorded.',
    });
  });

  it('places a student awaiting a permit decision in group n only when already receiving student finance', () => {
    expect(withPermit({ type: 'application-pending', receivesStudentFinance: true })).toEqual({
      outcome: 'group',
      group: 'n',
      groupKey: 'awaiting-decision-with-student-finance',
      reasons: [
        {
          article: 'App II n',
          text: 'The student awaits a decision on a residence permit or its extension and already receives student finance, and so belongs to group n.',
        },
      ],
    });
    expect(withPermit({ type: 'application-pending' }).reasons[0]).toEqual({
      article: 'App II n',
      text: 'The student awaits a decision on a residence permit but does not already receive student finance, so does not belong to group n.',
    });
  });

  it('places a former WTOS recipient in group o', () => {
    expect(derive({ residence: { countryOfResidence: 'NL', hasReceivedWtosAllowance: true } })).toEqual({
      outcome: 'group',
      group: 'o',
      groupKey: 'former-wtos-allowance',
      reasons: [
        {
          article: 'App II o',
          text: 'The student previously received an allowance under the WTOS, and so belongs to group o.',
        },
      ],
    });
  });

  it('does not count a permit that is not valid on the day', () => {
    const result = withPermit({ type: 'asylum-fixed-period', validUntil: '2022-08-31' });
    expect(result).toMatchObject({ outcome: 'no-group', group: null });
    expect(result.reasons).toEqual([
      {
        article: 'App II g',
        text: 'The student’s residence document (asylum fixed period) is not valid on 1 September 2022, so it does not place the student in group g.',
      },
      {
        article: 'App II',
        text: 'The student is a national of MA and holds no residence document that places the student in a group of Appendix II.',
      },
    ]);
  });

  it('finds no group for a study permit or no permit, and leaves other permits to a case-by-case review', () => {
    expect(derive({ residence: { countryOfResidence: 'US' } })).toEqual({
      outcome: 'no-group',
      group: null,
      groupKey: null,
      reasons: [
        {
          article: 'App II',
          text: 'The student is a national of US and holds no residence document that places the student in a group of Appendix II.',
        },
      ],
    });
    expect(
      derive({ nationalities: [], residence: { countryOfResidence: 'NL', permit: { type: 'other' } } }),
    ).toEqual({
      outcome: 'needs-review',
      group: null,
      groupKey: null,
      reasons: [
        {
          article: 'App II',
          text: 'The student is stateless with a Dutch residence permit of a kind Appendix II does not list, which is assessed case by case.',
        },
      ],
    });
  });
});

describe('group k: long-term residents of another Member State (App III decision)', () => {
  type PermitInput = NonNullable<StudentProfileInput['residence']['permit']>;
  const ltr = (
    decided?: 'match' | 'no-match' | 'needs-review',
    memberState = 'AT',
    permit: PermitInput = { type: 'study' },
  ) =>
    derive({
      residence: {
        countryOfResidence: 'NL',
        permit,
        longTermResident: {
          memberState,
          documentWording: 'Daueraufenthalt – EU',
          ...(decided ? { decided } : {}),
          ...(decided === 'match' ? { reviewedBy: 'j.jansen', reviewedOn: '2022-07-04' } : {}),
        },
      },
    });

  it('places a matched long-term resident with a valid Dutch permit in group k', () => {
    expect(ltr('match')).toEqual({
      outcome: 'group',
      group: 'k',
      groupKey: 'eu-long-term-resident-other-state',
      reasons: [
        {
          article: 'App II k',
          text: 'The student is a long-term resident of AT (Austria) under Directive 2003/109/EC and holds a Dutch residence permit (study) valid on 1 September 2022, and so belongs to group k.',
        },
        {
          article: 'App III',
          text: 'The wording on the residence document of AT (Austria) matches a term Appendix III lists for that state, as j.jansen recorded on 4 July 2022.',
        },
      ],
    });
  });

  it('needs a valid Dutch residence permit besides the status', () => {
    const result = ltr('match', 'AT', { type: 'none' });
    expect(result).toMatchObject({ outcome: 'no-group', group: null });
    expect(result.reasons[0]).toEqual({
      article: 'App II k',
      text: 'Long-term resident status of AT (Austria) counts only with a valid Dutch residence permit, and none valid on 1 September 2022 is recorded.',
    });
  });

  it('finds no group when the wording does not match', () => {
    const result = ltr('no-match', 'DK');
    expect(result.outcome).toBe('no-group');
    expect(result.reasons[0]).toEqual({
      article: 'App III',
      text: 'The wording on the residence document of DK (Denmark) matches none of the terms Appendix III lists for that state, so it does not show EU long-term resident status.',
    });
  });

  it('waits for the App III check, or for its review', () => {
    expect(ltr(undefined)).toEqual({
      outcome: 'needs-review',
      group: null,
      groupKey: null,
      reasons: [
        {
          article: 'App III',
          text: 'The wording on the residence document of AT (Austria) has not yet been checked against Appendix III, so group k cannot be decided yet.',
        },
      ],
    });
    expect(ltr('needs-review').reasons).toEqual([
      {
        article: 'App III',
        text: 'The wording on the residence document of AT (Austria) needs review against Appendix III before group k can be decided.',
      },
    ]);
  });

  it('does not count Dutch long-term resident status as group k', () => {
    expect(ltr('match', 'NL').reasons[0]).toEqual({
      article: 'App II k',
      text: 'Group k concerns long-term residents of a Member State other than the Netherlands, whose own status is recorded as a residence document of group j.',
    });
  });
});

describe('the group recorded on the file', () => {
  it('asks for a review when it differs from the derived group', () => {
    const result = derive({
      nationalities: ['FR'],
      residence: { countryOfResidence: 'NL', recordedWsfGroup: 'k' },
    });
    expect(result).toMatchObject({ outcome: 'needs-review', group: 'b' });
    expect(result.reasons[1]).toEqual({
      article: 'App II',
      text: 'The file records group k, but the residence data shows group b, so the file needs review.',
    });
    expect(
      derive({ nationalities: ['FR'], residence: { countryOfResidence: 'NL', recordedWsfGroup: 'b' } })
        .outcome,
    ).toBe('group');
  });
});

afterAll(() => {
  // Every group a–o is derived by some test, and every reason resolves and is one sentence.
  const letters = new Set(produced.flatMap((r) => /^App II ([a-o])$/.exec(r.article)?.[1] ?? []));
  expect([...letters].sort().join('')).toBe('abcdefghijklmno');
  for (const r of produced) {
    expect(findProvisionText(provisions, r.article), r.article).toBeDefined();
    expect(r.text, r.text).toMatch(/^[A-Z].*\.$/);
    expect(r.text, r.text).not.toMatch(/\.\s+[A-Z]/);
  }
});
