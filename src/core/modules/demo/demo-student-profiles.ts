import type { Transaction } from 'kysely';
import type { StudentContactInput } from '../../../shared/api/students.contract';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import type { PriorEducationKind, StudentProfileInput } from '../../../shared/facts/student-profile';
import type { Database } from '../../db/database';
import type { SeededRandom } from './random';

/** Cities and streets per country for plausible demo addresses; other countries use the fallback. */
const places: Record<string, { cities: readonly [string, string][]; streets: readonly string[] }> = {
  NL: {
    cities: [
      ['Maastricht', '62'],
      ['Heerlen', '64'],
      ['Eindhoven', '56'],
      ['Utrecht', '35'],
      ['Amsterdam', '10'],
      ['Nijmegen', '65'],
    ],
    streets: ['Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Molenweg', 'Julianalaan', 'Beatrixstraat'],
  },
  DE: {
    cities: [
      ['Aachen', '520'],
      ['Köln', '506'],
      ['Düsseldorf', '402'],
      ['München', '803'],
      ['Berlin', '104'],
    ],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenallee'],
  },
  BE: {
    cities: [
      ['Liège', '40'],
      ['Hasselt', '35'],
      ['Antwerpen', '20'],
      ['Bruxelles', '10'],
      ['Genk', '36'],
    ],
    streets: ['Rue de la Station', 'Kerkstraat', 'Rue Saint-Gilles', 'Diestersteenweg', 'Avenue Louise'],
  },
  IT: {
    cities: [
      ['Milano', '201'],
      ['Bologna', '401'],
      ['Roma', '001'],
    ],
    streets: ['Via Roma', 'Via Garibaldi'],
  },
  PL: {
    cities: [
      ['Kraków', '31-'],
      ['Warszawa', '00-'],
      ['Wrocław', '50-'],
    ],
    streets: ['ul. Długa', 'ul. Polna'],
  },
  FR: {
    cities: [
      ['Lille', '590'],
      ['Lyon', '690'],
      ['Paris', '750'],
    ],
    streets: ['Rue de la Paix', 'Rue Victor Hugo'],
  },
  ES: {
    cities: [
      ['Madrid', '280'],
      ['Barcelona', '080'],
      ['Valencia', '460'],
    ],
    streets: ['Calle Mayor', 'Calle Real'],
  },
  GR: {
    cities: [
      ['Athina', '105'],
      ['Thessaloniki', '546'],
    ],
    streets: ['Odos Ermou', 'Odos Egnatia'],
  },
  BG: {
    cities: [
      ['Sofia', '100'],
      ['Plovdiv', '400'],
    ],
    streets: ['ul. Vitosha', 'ul. Rakovski'],
  },
  GB: {
    cities: [
      ['London', 'N1 '],
      ['Manchester', 'M1 '],
      ['Leeds', 'LS1 '],
    ],
    streets: ['High Street', 'Station Road'],
  },
  US: {
    cities: [
      ['Boston', '021'],
      ['Chicago', '606'],
      ['Seattle', '981'],
    ],
    streets: ['Main Street', 'Oak Avenue'],
  },
  CN: {
    cities: [
      ['Beijing', '100'],
      ['Shanghai', '200'],
    ],
    streets: ['Jianguo Road', 'Nanjing Road'],
  },
  IN: {
    cities: [
      ['Mumbai', '400'],
      ['Bengaluru', '560'],
    ],
    streets: ['MG Road', 'Park Street'],
  },
  TR: {
    cities: [
      ['İstanbul', '341'],
      ['Ankara', '060'],
    ],
    streets: ['Atatürk Caddesi', 'İstiklal Caddesi'],
  },
  ID: {
    cities: [
      ['Jakarta', '101'],
      ['Bandung', '401'],
    ],
    streets: ['Jalan Sudirman', 'Jalan Merdeka'],
  },
  BR: {
    cities: [
      ['São Paulo', '010'],
      ['Curitiba', '800'],
    ],
    streets: ['Rua Augusta', 'Avenida Paulista'],
  },
  MA: {
    cities: [
      ['Rabat', '100'],
      ['Casablanca', '200'],
    ],
    streets: ['Avenue Mohammed V', 'Rue de Fès'],
  },
};

/** Maastricht streets for term addresses. */
const maastrichtStreets = [
  'Tongersestraat',
  'Brusselsestraat',
  'Boschstraat',
  'Wycker Brugstraat',
  'Sint Pieterstraat',
  'Oranjeplein',
  'Brouwersweg',
  'Scharnerweg',
  'Professor Debyeplein',
];

/** International dialling codes of the demo countries. */
const diallingCodes: Record<string, string> = {
  NL: '31',
  DE: '49',
  BE: '32',
  IT: '39',
  PL: '48',
  FR: '33',
  ES: '34',
  GR: '30',
  BG: '359',
  GB: '44',
  US: '1',
  CN: '86',
  IN: '91',
  TR: '90',
  ID: '62',
  BR: '55',
  MA: '212',
};

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Letters Dutch postcodes use (no F, I, O, Q, U, Y). */
const postcodeLetters = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'X',
  'Z',
];

function dayIn(random: SeededRandom, year: number): string {
  return `${year}-${pad(random.integer(1, 12))}-${pad(random.integer(1, 28))}`;
}

function postcodeOf(random: SeededRandom, country: string, prefix: string): string {
  if (country === 'NL') {
    return `${prefix}${pad(random.integer(11, 99))} ${random.pick(postcodeLetters)}${random.pick(postcodeLetters)}`;
  }
  if (country === 'GB') return `${prefix}${random.integer(1, 9)}AB`;
  if (country === 'PL') return `${prefix}${pad(random.integer(0, 999), 3)}`;
  return `${prefix}${pad(random.integer(0, 99))}`.slice(0, 5);
}

function addressIn(random: SeededRandom, country: string, kind: 'home' | 'term' | 'postal') {
  const place = places[country] ?? { cities: [['Capital City', '']], streets: ['Main Street'] };
  const [city, prefix] = random.pick(place.cities);
  return {
    kind,
    lines: [`${random.pick(place.streets)} ${random.integer(1, 180)}`],
    postcode: postcodeOf(random, country, prefix),
    city,
    country,
  };
}

function maastrichtTermAddress(random: SeededRandom) {
  return {
    kind: 'term' as const,
    lines: [`${random.pick(maastrichtStreets)} ${random.integer(1, 120)}${random.chance(0.3) ? ' B' : ''}`],
    postcode: `62${random.integer(11, 29)} ${random.pick(postcodeLetters)}${random.pick(postcodeLetters)}`,
    city: 'Maastricht',
    country: 'NL',
  };
}

/** The enrolment fee facts a demo profile must agree with, or null for a student without an enrolment. */
export interface DemoEnrolmentFacts {
  readonly facts: FeeFacts | null;
  readonly programmeCode: string | null;
}

/**
 * A plausible student file for a demo student, consistent with their enrolment's fee facts: the same
 * nationalities, a study permit where the fee facts have one, earlier enrolments where ROD HO shows one.
 */
export function demoStudentFile(
  random: SeededRandom,
  enrolment: DemoEnrolmentFacts,
  academicYearStart: number,
): { profile: StudentProfileInput; contact: StudentContactInput } {
  const facts = enrolment.facts;
  const nationality = facts?.nationalities[0] ?? random.pick(['NL', 'DE', 'BE']);
  const isEu = !['GB', 'CN', 'IN', 'US', 'TR', 'ID', 'BR', 'MA'].includes(nationality);
  const hasStudyPermit = facts?.residencePermit?.purpose === 'study';
  const code = enrolment.programmeCode ?? '';
  const isBachelor = code.startsWith('b-');
  const firstStartedOn = facts?.rodHo.firstEnrolment?.startedOn ?? null;
  const firstYear = firstStartedOn === null ? academicYearStart : Number(firstStartedOn.slice(0, 4));

  // Bachelor students start at about 18, master's students at about 22.
  const ageAtStart = (isBachelor ? 18 : 22) + random.integer(0, 2) - (random.chance(0.1) ? 1 : 0);
  const dateOfBirth = dayIn(random, firstYear - ageAtStart);

  let countryOfResidence = 'NL';
  if (!hasStudyPermit) {
    if (nationality === 'NL') countryOfResidence = random.chance(0.88) ? 'NL' : random.pick(['BE', 'DE']);
    else if (nationality === 'DE' || nationality === 'BE')
      countryOfResidence = random.chance(0.35) ? nationality : 'NL';
    else if (isEu) countryOfResidence = random.chance(0.12) ? nationality : 'NL';
  }
  const livesInNetherlands = countryOfResidence === 'NL';
  const brpRegisteredSince = !livesInNetherlands
    ? null
    : nationality === 'NL' && random.chance(0.8)
      ? dateOfBirth
      : `${firstYear}-08-${pad(random.integer(10, 31))}`;

  const permitFrom = `${firstYear}-08-${pad(random.integer(1, 28))}`;
  const permitYears = isBachelor ? 3 : random.pick([1, 2]);
  const permit = hasStudyPermit
    ? { type: 'study' as const, validFrom: permitFrom, validUntil: `${firstYear + permitYears}-11-30` }
    : { type: 'none' as const };

  let diploma: PriorEducationKind;
  let educationCountry = nationality;
  if (!isBachelor) {
    diploma = 'bachelor-degree';
    if (nationality === 'NL') educationCountry = random.pick(['BE', 'GB', 'DE']);
  } else if (nationality === 'NL') diploma = random.chance(0.93) ? 'vwo' : 'international-baccalaureate';
  else if (nationality === 'GB') diploma = 'uk-qualifications';
  else if (random.chance(0.2)) diploma = 'international-baccalaureate';
  else if (isEu && random.chance(0.06)) diploma = 'european-baccalaureate';
  else diploma = 'other';

  const earlier =
    firstStartedOn === null
      ? []
      : [
          {
            institution: 'um' as const,
            programmeCode: code || null,
            academicYear: `${firstYear}-${pad((firstYear + 1) % 100)}`,
            startedOn: firstStartedOn,
          },
        ];

  // A few students had a negative binding study advice in another programme whose term has ended (Art 3.1).
  const negativeBindingStudyAdvice =
    isBachelor && firstStartedOn !== null && random.chance(0.04)
      ? [
          {
            programmeCode: 'b-european-studies',
            issuedOn: `${firstYear - 2}-07-15`,
            termUntil: `${firstYear}-08-31`,
          },
        ]
      : [];

  const profile: StudentProfileInput = {
    dateOfBirth,
    nationalities: [nationality],
    brpNationality: livesInNetherlands ? nationality : null,
    registeredInBrp: livesInNetherlands,
    brpRegisteredSince,
    residence: { countryOfResidence, permit },
    priorEducation: { country: educationCountry, diploma },
    dutchHigherEducation: { enrolments: earlier },
    refusalFlags: { negativeBindingStudyAdvice },
  };

  const addresses = [];
  if (nationality === 'NL' && livesInNetherlands) {
    addresses.push(addressIn(random, 'NL', 'home'));
    if (random.chance(0.6)) addresses.push(maastrichtTermAddress(random));
  } else {
    addresses.push(addressIn(random, livesInNetherlands ? nationality : countryOfResidence, 'home'));
    if (livesInNetherlands) addresses.push(maastrichtTermAddress(random));
  }
  const phoneCountry = livesInNetherlands ? 'NL' : countryOfResidence;
  const phone =
    phoneCountry === 'NL'
      ? `+31 6 ${pad(random.integer(10, 99))} ${pad(random.integer(0, 999), 3)} ${pad(random.integer(0, 999), 3)}`
      : `+${diallingCodes[phoneCountry] ?? '44'} ${random.integer(100, 999)} ${random.integer(100000, 999999)}`;
  return { profile, contact: { addresses, phone } };
}

/**
 * Records a profile and contact details on every demo student, from its own random stream so that
 * the rest of the demo data (and tests that rely on particular demo students) stay as they were.
 */
export async function seedStudentFiles(
  trx: Transaction<Database>,
  studentIds: readonly number[],
  random: SeededRandom,
  academicYearStart: number,
): Promise<void> {
  const enrolments = await trx
    .selectFrom('enrolments')
    .select(['studentId', 'feeFactsJson', 'programmeCode'])
    .orderBy('id')
    .execute();
  const byStudent = new Map(enrolments.map((row) => [row.studentId, row]));
  for (const studentId of studentIds) {
    const enrolment = byStudent.get(studentId);
    const { profile, contact } = demoStudentFile(
      random,
      {
        facts: enrolment ? (JSON.parse(enrolment.feeFactsJson) as FeeFacts) : null,
        programmeCode: enrolment?.programmeCode ?? null,
      },
      academicYearStart,
    );
    await trx
      .updateTable('students')
      .set({ profileJson: JSON.stringify(profile), contactJson: JSON.stringify(contact) })
      .where('id', '=', studentId)
      .execute();
  }
}
