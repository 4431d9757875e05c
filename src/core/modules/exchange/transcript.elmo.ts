import { issuingOffice } from '../../pdf';
import type { TranscriptCourse, TranscriptData, TranscriptGradeTable } from './transcript';

/*
 * The transcript as EMREX ELMO 1.7.0 (the version Erasmus Without Paper imports) and inside the EWP
 * imobility-tors get-response. Every learning opportunity carries an identifier (ELMO 2.0 makes it
 * mandatory), the PDF travels as the report's 'Transcript of Records' attachment, and each reference
 * group's ECTS grading table is described in the grading scheme, counted per course in
 * resultDistribution and given as percentages in the EWP gradeConversionTable.
 */

const elmoNamespace = 'https://github.com/emrex-eu/elmo-schemas/tree/v1';
const torsNamespace =
  'https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/blob/stable-v2/endpoints/get-response.xsd';

/** UM as an issuer in EWP: its SCHAC code and Erasmus code. */
export const umIssuer = {
  schac: 'maastrichtuniversity.nl',
  erasmus: 'NL MAASTRI01',
  country: 'NL',
  url: `https://${issuingOffice.website}`,
} as const;

/** The local id of the Dutch grading scale in the report's gradingScheme. */
const gradingSchemeId = 'NL-UM-1-10';

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Removes the characters XML 1.0 does not allow, and the line breaks a token would collapse. */
const token = (text: string): string => xmlText(text.replace(/\s+/g, ' ').trim());

/** The grading table of a reference group as one line of text, or 'insufficient data'. */
export function describeGradeTable(t: TranscriptGradeTable): string {
  const head = `ECTS grading table, reference group ISCED ${t.iscedCode} (courses of ${t.faculty}), passing grades of ${t.academicYears.join(' and ')}`;
  if (t.distribution.kind === 'insufficient-data')
    return `${head}: insufficient data (${t.distribution.total} passing grades, fewer than ${t.distribution.minimumGroupSize}).`;
  const rows = t.distribution.rows
    .map(
      (r) =>
        `${r.label}: ${r.count} (${r.percentage.toFixed(1)}%, cumulative ${r.cumulativePercentage.toFixed(1)}%)`,
    )
    .join('; ');
  return `${head}, ${t.distribution.total} grades: ${rows}.`;
}

/**
 * The PDF as base64, once per PDF: the ELMO and the tors response carry the same bytes, and encoding a
 * transcript's PDF was most of building its XML.
 */
const base64OfPdf = new WeakMap<Uint8Array, string>();
function pdfBase64(pdf: Uint8Array): string {
  let base64 = base64OfPdf.get(pdf);
  if (base64 === undefined) {
    base64 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64');
    base64OfPdf.set(pdf, base64);
  }
  return base64;
}

/** The grading tables described once per transcript, not once per course of their reference group. */
const tableDescriptions = new WeakMap<TranscriptGradeTable, string>();
function describedTable(t: TranscriptGradeTable): string {
  let described = tableDescriptions.get(t);
  if (described === undefined) {
    described = describeGradeTable(t);
    tableDescriptions.set(t, described);
  }
  return described;
}

function learningOpportunity(c: TranscriptCourse, data: TranscriptData, indent: string): string {
  const table = data.gradeTables.find((t) => t.iscedCode === c.iscedCode && t.faculty === c.faculty);
  const status =
    c.status === 'passed'
      ? 'passed'
      : c.status === 'failed' || c.status === 'no-grade'
        ? 'failed'
        : c.status === 'in-progress'
          ? 'in-progress'
          : null;
  const lines = [
    '<learningOpportunitySpecification>',
    `  <identifier type="local">${token(c.code)}</identifier>`,
    `  <title xml:lang="en">${token(c.title)}</title>`,
    '  <type>Course</type>',
    ...(c.iscedCode ? [`  <iscedCode>${c.iscedCode}</iscedCode>`] : []),
    ...(c.status === 'withdrawn'
      ? [
          `  <description xml:lang="en">${xmlText(c.statusText)}: the course stays on the transcript (Exchange guide, Grade transcripts).</description>`,
        ]
      : []),
    '  <specifies>',
    '    <learningOpportunityInstance>',
    `      <identifier type="local">${token(`${c.code}/${c.academicYear}/P${c.period}`)}</identifier>`,
    `      <start>${c.periodStartsOn}</start>`,
    ...(c.gradedOn ? [`      <date>${c.gradedOn}</date>`] : []),
    '      <academicTerm>',
    `        <title xml:lang="en">${c.academicYear} period ${c.period}</title>`,
    `        <start>${c.periodStartsOn}</start>`,
    `        <end>${c.periodEndsOn}</end>`,
    '      </academicTerm>',
    ...(status ? [`      <status>${status}</status>`] : []),
    `      <gradingSchemeLocalId>${gradingSchemeId}</gradingSchemeLocalId>`,
    ...(c.grade ? [`      <resultLabel>${token(c.grade)}</resultLabel>`] : []),
    ...(table?.distribution.kind === 'table'
      ? [
          '      <resultDistribution>',
          ...table.distribution.rows.map((r) => `        <category label="${r.label}" count="${r.count}"/>`),
          `        <description xml:lang="en">${xmlText(describedTable(table))}</description>`,
          '      </resultDistribution>',
        ]
      : []),
    '      <credit>',
    '        <scheme>ects</scheme>',
    `        <value>${c.ects}</value>`,
    '      </credit>',
    '    </learningOpportunityInstance>',
    '  </specifies>',
    '</learningOpportunitySpecification>',
  ];
  return lines.map((l) => indent + l).join('\n');
}

/** The `elmo` element of a transcript (without the XML declaration), indented by `indent`. */
function elmoElement(
  data: TranscriptData,
  pdf: Uint8Array,
  issuedAt: Date,
  indent: string,
  withNamespaceDecl: boolean,
): string {
  const when = issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const scheme = [
    'The official Dutch grading scale from 1 to 10 (in halves) as applied by Maastricht University:',
    ...data.gradingScale.map((b) => `${b.printed} ${b.description} (${b.isPass ? 'pass' : 'fail'})`),
    ...data.gradingNotes,
    ...data.gradeTables.map(describedTable),
  ].join('\n');
  const lines = [
    `<elmo${withNamespaceDecl ? ` xmlns="${elmoNamespace}"` : ''}>`,
    `  <generatedDate>${when}</generatedDate>`,
    '  <learner>',
    `    <identifier type="esi">urn:schac:personalUniqueCode:int:esi:${umIssuer.schac}:${token(data.student.studentNumber)}</identifier>`,
    `    <identifier type="local">${token(data.student.studentNumber)}</identifier>`,
    `    <givenNames>${token(data.student.givenNames)}</givenNames>`,
    `    <familyName>${token(data.student.familyName)}</familyName>`,
    '  </learner>',
    '  <report>',
    '    <issuer>',
    `      <country>${umIssuer.country}</country>`,
    `      <identifier type="schac">${umIssuer.schac}</identifier>`,
    `      <identifier type="erasmus">${umIssuer.erasmus}</identifier>`,
    `      <title xml:lang="en">${issuingOffice.university}</title>`,
    `      <url>${umIssuer.url}</url>`,
    '    </issuer>',
    ...data.courses.map((c) => learningOpportunity(c, data, '    ')),
    `    <issueDate>${when}</issueDate>`,
    `    <gradingScheme localId="${gradingSchemeId}">`,
    `      <description xml:lang="en">${xmlText(scheme)}</description>`,
    '    </gradingScheme>',
    '    <attachment>',
    `      <identifier type="local">TOR-${token(data.student.studentNumber)}-${data.academicYear}</identifier>`,
    '      <title xml:lang="en">Transcript of records</title>',
    '      <type>Transcript of Records</type>',
    `      <content xml:lang="en">data:application/pdf;base64,${pdfBase64(pdf)}</content>`,
    '    </attachment>',
    '  </report>',
    '</elmo>',
  ];
  return lines.map((l) => indent + l).join('\n');
}

/** The transcript as an EMREX ELMO 1.7.0 document carrying the PDF. */
export function transcriptElmoXml(data: TranscriptData, pdf: Uint8Array, issuedAt: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${elmoElement(data, pdf, issuedAt, '', true)}\n`;
}

/** The mobility id the tors response names: the stay in this desk, e.g. 'um-exchange-stay-12'. */
export function omobilityIdOf(data: TranscriptData): string {
  return `um-exchange-stay-${data.stay.id}`;
}

/** The transcript inside an Erasmus Without Paper imobility-tors get-response, with its grade conversion tables. */
export function transcriptTorsXml(data: TranscriptData, pdf: Uint8Array, issuedAt: Date): string {
  const tables = data.gradeTables.filter((t) => t.distribution.kind === 'table');
  const conversion = tables.length
    ? [
        '    <gradeConversionTable>',
        ...tables.flatMap((t) => [
          `      <iscedTable iscedCode="${t.iscedCode}">`,
          ...(t.distribution.kind === 'table'
            ? t.distribution.rows.map(
                (r) => `        <gradeFrequency label="${r.label}" percentage="${r.percentage.toFixed(1)}"/>`,
              )
            : []),
          '      </iscedTable>',
        ]),
        '    </gradeConversionTable>',
      ]
    : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<imobility-tors-get-response xmlns="${torsNamespace}">`,
    '  <tor>',
    `    <omobility-id>${omobilityIdOf(data)}</omobility-id>`,
    elmoElement(data, pdf, issuedAt, '    ', true),
    ...conversion,
    '  </tor>',
    '</imobility-tors-get-response>',
    '',
  ].join('\n');
}
