import { randomUUID } from 'node:crypto';
import type { TranscriptBatchJob, TranscriptBatchResult } from '../../../shared/api/exchange.contract';
import { DeskError } from '../../../shared/errors';
import type { AttachmentStore } from '../../attachments/attachment-store';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../db/audit';
import { writeStoredZip, type ZipEntry } from '../../zip/stored-zip';
import { parseSemesterKey } from './exchange-calendar';
import { loadExchangeGuide } from './load-exchange-guide';
import { transcriptOf, type GradeTableCache } from './transcript';
import { decideTranscriptInBatch } from './transcript-batch.rules';
import {
  exchangeStudentsOfSemester,
  produceTranscript,
  recordTranscriptDispatch,
  refuseSentOnInFuture,
} from './transcript.service';

/**
 * What a batch works with: a call's context. With the attachment store, produceTranscript also enters each
 * transcript in the document register, so the files in the ZIP are the registered ones.
 */
type BatchContext = ServiceContext & { readonly attachments?: AttachmentStore | undefined };

/** One student of a batch as selected when it started. */
interface BatchStudent {
  readonly studentId: number;
  readonly studentNumber: string;
  readonly studentName: string;
  readonly homeUniversity: string;
  readonly staySemesters: readonly string[];
}

/** One job as kept in memory: the view its screen polls, the students to do and the files for the ZIP. */
interface RunningTranscriptBatch {
  view: TranscriptBatchJob;
  students: readonly BatchStudent[];
  /** The files of every transcript produced, by name; a student's three files are added together. */
  files: Map<string, Buffer>;
  isCancelRequested: boolean;
  cancelledBy: string | null;
  done: Promise<void>;
}

/** How many ended batches are kept for their results and ZIP: their files are held in memory. */
const keptEndedBatches = 3;

/** Lets the event loop serve other calls (status polls, the screen) between two students. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A copy of a job's view, so that callers never see it change under them. */
function snapshot(job: RunningTranscriptBatch): TranscriptBatchJob {
  return { ...job.view, results: job.view.results.map((r) => ({ ...r, sentOn: [...r.sentOn] })) };
}

/**
 * The end-of-semester transcript batches of one desk (Exchange guide, Grade transcripts; issue 6 point 4):
 * a job produces, one student after the other, the transcript (PDF, EMREX ELMO XML, EWP tors XML) of every
 * exchange student of a semester whose exchange ends with it, while its screen polls the progress.
 *
 * Producing a transcript changes nothing in the database; its files are kept with the job until they are
 * downloaded as one ZIP. A student's three files are added together after all three are rendered, and
 * cancelling takes effect after the student in hand, so a cancelled batch holds complete transcripts only.
 * Recording the day they were sent home is a separate step, for every produced transcript in one transaction.
 */
export class TranscriptBatches {
  readonly #jobs = new Map<string, RunningTranscriptBatch>();

  /** Selects the exchange students of the semester and starts the job; returns before the first transcript. */
  async start(ctx: BatchContext, input: { semester: string }): Promise<TranscriptBatchJob> {
    const running = [...this.#jobs.values()].find((job) => job.view.state === 'running');
    if (running)
      throw new DeskError(
        'conflict',
        `The transcript batch of ${running.view.semester} is running (${running.view.processed} of ${running.view.total}); wait for it or cancel it first.`,
      );
    const students = await studentsOfSemester(ctx, input.semester);
    if (students.length === 0)
      throw new DeskError(
        'not_found',
        `No exchange student has a stay in ${input.semester}; choose another semester.`,
        {
          field: 'semester',
        },
      );
    const batchId = randomUUID();
    const job: RunningTranscriptBatch = {
      view: {
        batchId,
        semester: input.semester,
        state: 'running',
        total: students.length,
        processed: 0,
        produced: 0,
        refused: 0,
        failed: 0,
        startedAt: ctx.clock.now().toISOString(),
        startedBy: ctx.actor.name,
        finishedAt: null,
        message: null,
        results: [],
      },
      students,
      files: new Map(),
      isCancelRequested: false,
      cancelledBy: null,
      done: Promise.resolve(),
    };
    this.#forgetOldJobs();
    this.#jobs.set(batchId, job);
    job.done = this.#run(ctx, job);
    return snapshot(job);
  }

  /** Where a job stands. */
  status(batchId: string): TranscriptBatchJob {
    return snapshot(this.#find(batchId));
  }

  /** The most recent job of a semester, or null when none ran since the app started. */
  latest(semester: string): TranscriptBatchJob | null {
    const jobs = [...this.#jobs.values()].filter((job) => job.view.semester === semester);
    const last = jobs.at(-1);
    return last ? snapshot(last) : null;
  }

  /** Asks a running job to stop after the student in hand; an ended job is returned as it is. */
  cancel(batchId: string, actorName: string): TranscriptBatchJob {
    const job = this.#find(batchId);
    if (job.view.state === 'running') {
      job.isCancelRequested = true;
      job.cancelledBy = actorName;
    }
    return snapshot(job);
  }

  /** Waits until a job has ended (tests, the CLI). */
  async settled(batchId: string): Promise<TranscriptBatchJob> {
    const job = this.#find(batchId);
    await job.done;
    return snapshot(job);
  }

  /** Every produced transcript of an ended job (PDF, ELMO, tors) with a CSV of each student's result, as one ZIP. */
  zip(
    ctx: Pick<ServiceContext, 'clock'>,
    batchId: string,
  ): { fileName: string; zipBase64: string; files: number } {
    const job = this.#find(batchId);
    if (job.view.state === 'running')
      throw new DeskError(
        'conflict',
        `The transcript batch is still running (${job.view.processed} of ${job.view.total}); the ZIP is ready when it ends or is cancelled.`,
      );
    const entries: ZipEntry[] = [...job.files].map(([name, bytes]) => ({ name, bytes }));
    entries.push({
      name: 'transcript-results.csv',
      bytes: Buffer.from(transcriptResultsCsv(job.view), 'utf8'),
    });
    return {
      fileName: `transcripts-${job.view.semester}.zip`,
      zipBase64: writeStoredZip(entries, ctx.clock.now()).toString('base64'),
      files: job.files.size,
    };
  }

  /**
   * Records the day every transcript the job produced was sent to the home university (Exchange guide, Grade
   * transcripts), all in one transaction with an audit row each; a student already recorded as sent that day is
   * left as is, so pressing twice records nothing twice.
   */
  async markSent(
    ctx: ServiceContext,
    input: { batchId: string; sentOn: string },
  ): Promise<{ marked: number; alreadyMarked: number; job: TranscriptBatchJob }> {
    const job = this.#find(input.batchId);
    if (job.view.state === 'running')
      throw new DeskError(
        'conflict',
        'The transcript batch is still running; record the day they were sent once it has ended.',
      );
    const produced = job.view.results.filter((r) => r.outcome === 'produced');
    if (produced.length === 0)
      throw new DeskError('refused', 'This batch produced no transcript, so none can have been sent.');
    const at = ctx.clock.now().toISOString();
    refuseSentOnInFuture(input.sentOn, at);
    const ids = produced.map((r) => r.studentId);
    const { marked, alreadyMarked } = await ctx.db.transaction().execute(async (trx) => {
      const already = new Set(
        (
          await trx
            .selectFrom('exchangeTranscriptDispatches')
            .select('studentId')
            .where('studentId', 'in', ids)
            .where('sentOn', '=', input.sentOn)
            .execute()
        ).map((r) => r.studentId),
      );
      for (const studentId of ids)
        if (!already.has(studentId))
          await recordTranscriptDispatch(trx, ctx.actor, at, { studentId, sentOn: input.sentOn });
      return { marked: ids.length - already.size, alreadyMarked: already.size };
    });
    const dispatches = await ctx.db
      .selectFrom('exchangeTranscriptDispatches')
      .select(['studentId', 'sentOn'])
      .where('studentId', 'in', ids)
      .orderBy('sentOn')
      .orderBy('id')
      .execute();
    for (const result of produced)
      result.sentOn = dispatches.filter((d) => d.studentId === result.studentId).map((d) => d.sentOn);
    return { marked, alreadyMarked, job: snapshot(job) };
  }

  /** Cancels every running job and waits for them to stop; called when the desk closes. */
  async dispose(): Promise<void> {
    for (const job of this.#jobs.values()) if (job.view.state === 'running') job.isCancelRequested = true;
    await Promise.all([...this.#jobs.values()].map((job) => job.done));
  }

  #find(batchId: string): RunningTranscriptBatch {
    const job = this.#jobs.get(batchId);
    if (!job)
      throw new DeskError(
        'not_found',
        'This transcript batch is not known (it ended long ago or the app was restarted); start it again.',
      );
    return job;
  }

  #forgetOldJobs(): void {
    const ended = [...this.#jobs.values()].filter((job) => job.view.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, ended.length - keptEndedBatches + 1)))
      this.#jobs.delete(job.view.batchId);
  }

  async #run(ctx: BatchContext, job: RunningTranscriptBatch): Promise<void> {
    const { view } = job;
    // Let start() answer before the first transcript is rendered.
    await yieldToEventLoop();
    try {
      const guide = loadExchangeGuide(parseSemesterKey(view.semester).academicYear);
      // The grading tables are the same for every transcript of the run: read once (and so as of its start).
      const gradeTables: GradeTableCache = new Map();
      for (const student of job.students) {
        if (job.isCancelRequested) break;
        const result = await this.#produceOne(ctx, job, guide, student, gradeTables);
        view.results.push(result);
        view.processed += 1;
        view[result.outcome] += 1;
        await yieldToEventLoop();
      }
      view.state = job.isCancelRequested && view.processed < view.total ? 'cancelled' : 'completed';
      if (view.state === 'cancelled')
        view.message = `Cancelled by ${job.cancelledBy ?? 'the desk closing'} after ${view.processed} of ${view.total}; the ${view.produced} transcripts produced are in the ZIP.`;
    } catch (error) {
      view.state = 'failed';
      view.message = `Stopped after ${view.processed} of ${view.total}: ${error instanceof Error ? error.message : String(error)}. The ${view.produced} transcripts produced before are in the ZIP.`;
    }
    view.finishedAt = ctx.clock.now().toISOString();
    await this.#recordBatchAudit(ctx, view).catch(() => undefined);
  }

  /** One student's transcript: decided by the rule, then rendered; a student the data cannot serve fails alone. */
  async #produceOne(
    ctx: BatchContext,
    job: RunningTranscriptBatch,
    guide: ReturnType<typeof loadExchangeGuide>,
    student: BatchStudent,
    gradeTables: GradeTableCache,
  ): Promise<TranscriptBatchResult> {
    const base = {
      studentId: student.studentId,
      studentNumber: student.studentNumber,
      studentName: student.studentName,
      homeUniversity: student.homeUniversity,
    };
    const none = { reference: null, documentNumber: null, files: [], courses: null, ectsObtained: null };
    try {
      const data = await transcriptOf(ctx.db, student.studentId, gradeTables);
      const decision = decideTranscriptInBatch(guide, {
        semester: job.view.semester,
        staySemesters: student.staySemesters,
        courses: data.courses.length,
        coursesInProgress: data.courses.filter((c) => c.status === 'in-progress').length,
      });
      if (decision.outcome === 'refuse')
        return {
          ...base,
          outcome: 'refused',
          ...none,
          reasons: [...decision.reasons],
          sentOn: [...data.sentOn],
        };
      const t = await produceTranscript(ctx, student.studentId, { data });
      const files: [string, Buffer][] = [
        [`${t.reference}.pdf`, t.pdf],
        [`${t.reference}.elmo.xml`, Buffer.from(t.elmoXml, 'utf8')],
        [`${t.reference}.tors.xml`, Buffer.from(t.torsXml, 'utf8')],
      ];
      for (const [name, bytes] of files) job.files.set(name, bytes);
      return {
        ...base,
        outcome: 'produced',
        reference: t.reference,
        documentNumber: t.document?.number ?? null,
        files: files.map(([name]) => name),
        courses: t.data.totals.courses,
        ectsObtained: t.data.totals.ectsObtained,
        reasons: [...decision.reasons],
        sentOn: [...t.data.sentOn],
      };
    } catch (error) {
      // A refusal of the data (e.g. no guide for the year) is this student's; anything else fails the student.
      const isRefusal =
        error instanceof DeskError && ['refused', 'not_found', 'validation'].includes(error.kind);
      return {
        ...base,
        outcome: isRefusal ? 'refused' : 'failed',
        ...none,
        reasons: [{ article: '—', text: error instanceof Error ? error.message : String(error) }],
        sentOn: [],
      };
    }
  }

  /** One audit row for the batch as a whole. */
  async #recordBatchAudit(ctx: ServiceContext, view: TranscriptBatchJob): Promise<void> {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.actor, view.finishedAt ?? ctx.clock.now().toISOString(), {
        action: 'exchange.transcriptBatch',
        entity: 'exchange_transcript_batch',
        entityId: view.batchId,
        after: {
          semester: view.semester,
          state: view.state,
          total: view.total,
          produced: view.produced,
          refused: view.refused,
          failed: view.failed,
          references: view.results.filter((r) => r.outcome === 'produced').map((r) => r.reference),
        },
        reason: view.message,
      }),
    );
  }
}

/** The exchange students of a semester with what the batch shows of them, by student number. */
async function studentsOfSemester(ctx: ServiceContext, semester: string): Promise<BatchStudent[]> {
  const ids = await exchangeStudentsOfSemester(ctx.db, semester);
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('exchangeStays as s')
    .innerJoin('students as st', 'st.id', 's.studentId')
    .select([
      's.studentId',
      'st.studentNumber',
      'st.givenNames',
      'st.familyName',
      's.homeUniversity',
      's.semestersJson',
    ])
    .where('s.studentId', 'in', ids)
    .orderBy('s.id')
    .execute();
  return ids.flatMap((studentId) => {
    // The stay that includes the semester (a student may have had another exchange before).
    const row = rows.find(
      (r) => r.studentId === studentId && (JSON.parse(r.semestersJson) as string[]).includes(semester),
    );
    if (!row) return [];
    return [
      {
        studentId,
        studentNumber: row.studentNumber,
        studentName: `${row.givenNames} ${row.familyName}`,
        homeUniversity: row.homeUniversity,
        staySemesters: JSON.parse(row.semestersJson) as string[],
      },
    ];
  });
}

/** A CSV cell, quoted when it holds a separator, quote or line break. */
function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every student's result as CSV (UTF-8 with BOM, so spreadsheet programs read the names right). */
export function transcriptResultsCsv(view: TranscriptBatchJob): string {
  const header = [
    'student_number',
    'name',
    'home_university',
    'outcome',
    'reference',
    'document_number',
    'courses',
    'ects_obtained',
    'sent_on',
    'reasons',
  ];
  const rows = view.results.map((r) => [
    r.studentNumber,
    r.studentName,
    r.homeUniversity,
    r.outcome,
    r.reference ?? '',
    r.documentNumber ?? '',
    r.courses === null ? '' : String(r.courses),
    r.ectsObtained === null ? '' : String(r.ectsObtained),
    r.sentOn.join(' '),
    r.reasons.map((reason) => `${reason.article}: ${reason.text}`).join(' '),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
