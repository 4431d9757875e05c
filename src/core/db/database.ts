import type { EnrolmentStatus } from '../../shared/api/ledger.contract';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table shapes as the code sees them (CamelCasePlugin maps to snake_case columns). */
export interface Database {
  schemaMigrations: SchemaMigrationTable;
  staff: StaffTable;
  programmes: ProgrammeTable;
  courses: CourseTable;
  courseProgrammes: CourseProgrammeTable;
  students: StudentTable;
  courseRegistrations: CourseRegistrationTable;
  auditLog: AuditLogTable;
  enrolments: EnrolmentTable;
  ledgerEntries: LedgerEntryTable;
  arrearsSteps: ArrearsStepTable;
  paymentArrangements: PaymentArrangementTable;
  enrolmentTransitions: EnrolmentTransitionTable;
  enrolmentDocuments: EnrolmentDocumentTable;
  documentEvents: DocumentEventTable;
  indNotifications: IndNotificationTable;
  issuedDocuments: IssuedDocumentTable;
  sscRequests: SscRequestTable;
  receivedBbcs: ReceivedBbcTable;
  bbcTerminationNotices: BbcTerminationNoticeTable;
  sscRequestEvidence: SscRequestEvidenceTable;
  exchangeStays: ExchangeStayTable;
  examAttempts: ExamAttemptTable;
  plagiarismFindings: PlagiarismFindingTable;
  exchangeExtensions: ExchangeExtensionTable;
  exchangeTranscriptDispatches: ExchangeTranscriptDispatchTable;
  exchangeResitStayRequests: ExchangeResitStayRequestTable;
  exchangeRetentionRuns: ExchangeRetentionRunTable;
  exchangeRetentionOutcomes: ExchangeRetentionOutcomeTable;
  studyProgressCredits: StudyProgressCreditsTable;
  studyProgressExcusals: StudyProgressExcusalTable;
  studyProgressIndLists: StudyProgressIndListTable;
  studyProgressIndListStudents: StudyProgressIndListStudentTable;
}

export interface SchemaMigrationTable {
  number: number;
  name: string;
  appliedAt: string;
}

/** Fields every row that staff edit carries (DESIGN.md §4: optimistic concurrency). */
interface Versioned {
  version: ColumnType<number, number | undefined, number>;
  createdAt: ColumnType<string, string, never>;
  updatedAt: string;
  updatedBy: string;
}

export interface StaffTable extends Versioned {
  id: Generated<number>;
  username: string;
  displayName: string;
  role: 'desk' | 'iro' | 'ssc' | 'admin';
  passwordHash: string;
  isActive: ColumnType<number, number | undefined, number>;
}

export interface ProgrammeTable extends Versioned {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'bachelor' | 'master' | 'pre-master' | 'professional-master';
  faculty: string | null;
  hasPartTimeVariant: number;
  isSmallScaleIntensive: number;
}

export interface CourseTable extends Versioned {
  id: Generated<number>;
  code: string;
  title: string;
  ects: number;
  period: number;
  faculty: string;
  coordinator: string | null;
  isSkillsTraining: number;
}

export interface CourseProgrammeTable {
  courseId: number;
  programmeId: number;
  linkedAt: string;
  linkedBy: string;
}

export interface StudentTable extends Versioned {
  id: Generated<number>;
  studentNumber: string;
  familyName: string;
  givenNames: string;
  email: string | null;
  /** `studentProfileSchema` as JSON; null until the desk records it. */
  profileJson: ColumnType<string | null, string | null | undefined, string | null>;
  /** `studentContactSchema` as JSON. */
  contactJson: ColumnType<string, string | undefined, string>;
}

export interface CourseRegistrationTable {
  studentId: number;
  courseId: number;
  academicYear: string;
  registeredAt: string;
  /** Migration 009: a dropped registration is kept, on the transcript or not (Exchange guide, Grade transcripts). */
  status: ColumnType<
    'registered' | 'dropped',
    'registered' | 'dropped' | undefined,
    'registered' | 'dropped'
  >;
  droppedOn: ColumnType<string | null, string | null | undefined, string | null>;
  isOnTranscript: ColumnType<number, number | undefined, number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
}

export type StaffRow = Selectable<StaffTable>;
export type CourseRowDb = Selectable<CourseTable>;
export type NewCourse = Insertable<CourseTable>;
export type CourseUpdate = Updateable<CourseTable>;

export interface EnrolmentTable extends Versioned {
  id: Generated<number>;
  studentId: number;
  academicYear: string;
  programmeCode: string | null;
  enrolmentKind: string;
  mode: string;
  startDate: string;
  status: EnrolmentStatus;
  statusReason: ColumnType<string | null, string | null | undefined, string | null>;
  /** `enrolmentRequestSchema` as JSON; null for an enrolment recorded for its fee only. */
  requestJson: ColumnType<string | null, string | null | undefined, string | null>;
  feeFactsJson: string;
  feeKind: string;
  feeCents: number;
  feeReasonsJson: string;
}

export interface LedgerEntryTable {
  id: Generated<number>;
  studentId: number;
  enrolmentId: number | null;
  entryKind: 'charge' | 'adjustment' | 'payment' | 'reversal' | 'refund' | 'administration-charge';
  amountCents: number;
  bookedOn: string;
  description: string;
  reasonsJson: string | null;
  createdAt: string;
  createdBy: string;
}

export interface ArrearsStepTable {
  id: Generated<number>;
  studentId: number;
  step:
    | 'firstReminderSentOn'
    | 'facilitiesBlockedOn'
    | 'secondReminderSentOn'
    | 'reversalReminderSentOn'
    | 'terminationDecidedOn'
    | 'settledOn';
  takenOn: string;
  createdAt: string;
  createdBy: string;
}

export interface PaymentArrangementTable extends Versioned {
  id: Generated<number>;
  enrolmentId: number;
  method: 'lump-sum-transfer' | 'lump-sum-direct-debit' | 'direct-debit-instalments';
  iban: string | null;
  accountHolder: string | null;
  mandateSignedOn: string | null;
  mandateReference: string | null;
  thirdPartyName: string | null;
  thirdPartyAuthorisedOn: string | null;
  debitDatesJson: string;
  facultyOffersInstalments: number;
}

export interface EnrolmentTransitionTable {
  id: Generated<number>;
  enrolmentId: number;
  fromStatus: EnrolmentStatus | null;
  toStatus: EnrolmentStatus;
  reason: string;
  at: string;
  by: string;
}

/** The letters of the documents of Art 13.1. */
export type DocumentLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
export type DocumentStatus = 'requested' | 'received' | 'verified' | 'rejected';

export interface EnrolmentDocumentTable extends Versioned {
  id: Generated<number>;
  enrolmentId: number;
  document: DocumentLetter;
  status: DocumentStatus;
  rejectionReason: string | null;
  attachmentSha256: string | null;
  attachmentName: string | null;
  attachmentType: string | null;
}

export interface DocumentEventTable {
  id: Generated<number>;
  documentId: number;
  status: DocumentStatus;
  reason: string | null;
  attachmentSha256: string | null;
  at: string;
  by: string;
}

/** A notification to the IND of a study-permit student's de-registration (Art 33.8); append-only. */
export interface IndNotificationTable {
  id: Generated<number>;
  studentId: number;
  enrolmentId: number;
  ground: 'enrolment-ended' | 're-enrolment-not-completed';
  notifiedOn: string;
  reference: string;
  createdAt: string;
  createdBy: string;
}

/** An issued official document in the register (DESIGN.md §5); only its status changes, once. */
export interface IssuedDocumentTable {
  id: Generated<number>;
  number: string;
  kind:
    | 'proof-of-payment'
    | 'enrolment-certificate'
    | 'pre-master-certificate'
    | 'ssc-decision-letter'
    | 'transcript-of-records';
  studentId: number;
  enrolmentId: number | null;
  academicYear: string;
  issuedAt: string;
  issuedBy: string;
  issuedById: number | null;
  sha256: string;
  verificationCode: string;
  fileName: string;
  contentsJson: string;
  status: ColumnType<'valid' | 'revoked' | 'superseded', 'valid' | undefined, 'revoked' | 'superseded'>;
  statusReason: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  supersedesId: number | null;
  supersededById: number | null;
  /** Art 33.7: the institution a BBC was issued for, to inform when the UM enrolment ends; null if not given. */
  receivingInstitution: ColumnType<string | null, string | null | undefined, never>;
  /** An SSC decision letter: the request it decides (migration 014; Art 42–44). */
  sscRequestId: ColumnType<number | null, number | null | undefined, never>;
}

/** A BBC received from another institution as evidence on a UM enrolment (Art 14.6, 30.1–30.5); append-only. */
export interface ReceivedBbcTable {
  id: Generated<number>;
  studentId: number;
  enrolmentId: number;
  number: string;
  institution: string;
  institutionKind: 'dutch-higher-education' | 'open-university';
  programmeLevel: 'bachelor' | 'initial-master' | 'other';
  feeKind: 'statutory' | 'low-statutory' | 'high-statutory' | 'institutional' | 'course-fee' | 'none';
  amountCents: number;
  academicYear: string;
  periodFrom: string;
  periodTo: string;
  receivedOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedById: number | null;
  effectJson: string;
  /** The other enrolment the BBC completed when recorded (JSON), restored on withdrawal (migration 014). */
  replacedOtherEnrolmentJson: ColumnType<string | null, string | null | undefined, never>;
  /** Withdrawn as wrongly recorded, once, with the reason and what it did to the fee (migration 014). */
  withdrawnAt: ColumnType<string | null, undefined, string>;
  withdrawnBy: ColumnType<string | null, undefined, string>;
  withdrawnById: ColumnType<number | null, undefined, number | null>;
  withdrawalReason: ColumnType<string | null, undefined, string>;
  withdrawalEffectJson: ColumnType<string | null, undefined, string>;
}

/** An institution informed that the UM enrolment it holds a UM BBC for ended (Art 33.7; migration 014); append-only. */
export interface BbcTerminationNoticeTable {
  id: Generated<number>;
  enrolmentId: number;
  studentId: number;
  institution: string;
  informedOn: string;
  method: 'email' | 'letter' | 'phone' | 'other';
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  recordedById: number | null;
}

/** A request to the SSC director (Art 4.4, 15.5, 30, 30.9, 41–42); frozen once decided. */
export interface SscRequestTable {
  id: Generated<number>;
  reference: string;
  studentId: number;
  enrolmentId: number | null;
  kind:
    | 'simultaneous-enrolment-exemption'
    | 'board-position-exemption'
    | 'handling-fee-exemption'
    | 'interim-enrolment'
    | 'unforeseen-circumstances';
  receivedOn: string;
  grounds: string;
  detailsJson: string;
  status: ColumnType<'open' | 'granted' | 'refused', 'open' | undefined, 'granted' | 'refused'>;
  decidedOn: string | null;
  decidedBy: string | null;
  decidedById: number | null;
  decisionReasoning: string | null;
  decisionEffectsJson: string | null;
  letterSha256: string | null;
  letterFileName: string | null;
  version: ColumnType<number, number | undefined, number>;
  createdAt: ColumnType<string, string, never>;
  createdBy: ColumnType<string, string, never>;
  updatedAt: string;
  updatedBy: string;
}

/** A scan attached to a request to the SSC as evidence (Art 42); append-only. */
export interface SscRequestEvidenceTable {
  id: Generated<number>;
  requestId: number;
  evidence: string;
  receivedOn: string;
  fileName: string;
  contentType: string;
  sha256: string;
  createdAt: string;
  createdBy: string;
}

/** The exchange facts of an enrolment of kind 'exchange' (migration 009; Art 10.4, Exchange guide). */
export interface ExchangeStayTable extends Versioned {
  id: Generated<number>;
  enrolmentId: number;
  studentId: number;
  homeUniversity: string;
  homeCountry: string | null;
  agreement: string;
  /** Semester keys in order, e.g. ["2022-fall","2023-spring"]. */
  semestersJson: string;
  startsOn: string;
  endsOn: string;
  umAccountEndsOn: string;
}

/** One sitting of a course's exam for a student: the first sitting or the re-sit (migration 009). */
export interface ExamAttemptTable extends Versioned {
  id: Generated<number>;
  studentId: number;
  courseId: number;
  academicYear: string;
  sitting: 'first' | 'resit';
  status: 'registered' | 'deregistered' | 'graded';
  registeredHow: 'with-course' | 'automatic' | 'on-request';
  /** Tenths of a grade (55 = 5.5); null for NG or while not graded. */
  gradeTenths: number | null;
  isNoGrade: ColumnType<number, number | undefined, number>;
  gradedOn: string | null;
}

/** A plagiarism finding: the period's results become 0, no re-sits for the rest of the year (migration 009). */
export interface PlagiarismFindingTable {
  id: Generated<number>;
  studentId: number;
  academicYear: string;
  period: number;
  decidedOn: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

/** A decision on a request to extend an exchange, with every condition (migration 009). */
export interface ExchangeExtensionTable {
  id: Generated<number>;
  stayId: number;
  direction: 'fall-to-spring' | 'spring-to-fall';
  requestedOn: string;
  homeUniversityPermits: number;
  iroPermits: number;
  outcome: 'approved' | 'refused';
  conditionsJson: string;
  decidedAt: string;
  decidedBy: string;
}

/** A day a transcript of records was sent to the home university, append-only (migration 011). */
export interface ExchangeTranscriptDispatchTable {
  id: Generated<number>;
  stayId: number;
  studentId: number;
  sentOn: string;
  sentTo: string;
  createdAt: string;
  createdBy: string;
}

/** A fall student's request to stay for the period-2 re-sits (migration 012; Exchange guide, Location of the re-sit). */
export interface ExchangeResitStayRequestTable extends Versioned {
  id: Generated<number>;
  stayId: number;
  studentId: number;
  semester: string;
  status: 'requested' | 'withdrawn';
  requestedOn: string;
  withdrawnOn: string | null;
  note: string | null;
}

/** A run removing fall students from active registration, append-only (migration 012). */
export interface ExchangeRetentionRunTable {
  id: Generated<number>;
  semester: string;
  runOn: string;
  removedCount: number;
  keptCount: number;
  unchangedCount: number;
  createdAt: string;
  createdBy: string;
}

/** One student's outcome of a retention run: removed, or kept until the last period-2 re-sit (migration 012). */
export interface ExchangeRetentionOutcomeTable {
  id: Generated<number>;
  runId: number;
  stayId: number;
  studentId: number;
  semester: string;
  outcome: 'removed' | 'kept';
  effectiveOn: string;
  umAccountEndsOnBefore: string;
  umAccountEndsOnAfter: string;
  withdrawnResitsJson: ColumnType<string, string | undefined, string>;
  reasonsJson: string;
  createdAt: string;
  createdBy: string;
}

/** Credits a student obtained in an academic year, with their source, append-only (migration 013). */
export interface StudyProgressCreditsTable {
  id: Generated<number>;
  studentId: number;
  academicYear: string;
  courseCode: string | null;
  description: string;
  /** Tenths of an ECTS (65 = 6.5). */
  creditsTenths: number;
  obtainedOn: string;
  source: string;
  createdAt: string;
  createdBy: string;
}

/** An excusable reason a study adviser found for a student and year; withdrawn once, never rewritten (migration 013). */
export interface StudyProgressExcusalTable {
  id: Generated<number>;
  studentId: number;
  academicYear: string;
  kind: string;
  adviserName: string;
  decidedOn: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
  withdrawnAt: ColumnType<string | null, string | null | undefined, string>;
  withdrawnBy: ColumnType<string | null, string | null | undefined, string>;
  withdrawnReason: ColumnType<string | null, string | null | undefined, string>;
}

/** A list of students with insufficient study progress sent to the IND, append-only (migration 013). */
export interface StudyProgressIndListTable {
  id: Generated<number>;
  academicYear: string;
  sentOn: string;
  reference: string;
  createdAt: string;
  createdBy: string;
}

/** A student on a list sent to the IND, once per academic year (migration 013). */
export interface StudyProgressIndListStudentTable {
  listId: number;
  studentId: number;
  academicYear: string;
  creditsTenths: number;
  normTenths: number | null;
}
