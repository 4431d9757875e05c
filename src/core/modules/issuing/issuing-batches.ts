import { randomUUID } from 'node:crypto';
import {
  issuedDocumentKindLabels,
  type BatchJob,
  type BatchResult,
  type BatchSelection,
  type IssuedDocumentKind,
} from '../../../shared/api/documents.contract';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import { DeskError } from '../../../shared/errors';
import type { ServiceContext } from '../../context';
import { recordAudit } from '../../db/audit';
import { availableAcademicYears, loadProvisions } from '../../provisions/load-provisions';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import { writeStoredZip, type ZipEntry } from '../../zip/stored-zip';
import { issueDocumentGroup, type GroupOutcome, type IssuingContext } from './issuing.service';

/** What a batch is asked to issue. */
export interface BatchRequest {
  kind: IssuedDocumentKind;
  programmeCode: string;
  academicYear: string;
  completedOn?: string | undefined;
}

/**
 * The enrolments a batch of a kind covers: the enrolled ones (Art 5.1, 5.2), and for the pre-master's
 * certificate also the ended ones, since a completed pre-master's may have been terminated (Art 8.3).
 * Applications, denials and cancellations are not anyone's document; each selected enrolment still goes
 * through the kind's rule, which refuses e.g. a BBC whose fee is unpaid.
 */
export function batchStatusesOf(kind: IssuedDocumentKind): readonly EnrolmentStatus[] {
  return kind === 'pre-master-certificate' ? ['enrolled', 'terminated'] : ['enrolled'];
}

/** The name of a programme in the provisions of a year, or its code when the year has none. */
function programmeNameOf(programmeCode: string, academicYear: string): string {
  const years = availableAcademicYears();
  const provisions = years.includes(academicYear)
    ? loadProvisions(academicYear)
    : loadProvisions(years.at(-1));
  return findProvisionProgramme(provisions, programmeCode)?.name ?? programmeCode;
}

/** The academic years with enrolments, and per programme of the year how many enrolments a batch covers. */
export async function batchSelection(
  ctx: ServiceContext,
  input: { kind: IssuedDocumentKind; academicYear?: string | undefined },
): Promise<BatchSelection> {
  const years = (
    await ctx.db
      .selectFrom('enrolments')
      .select('academicYear')
      .distinct()
      .orderBy('academicYear', 'desc')
      .execute()
  ).map((r) => r.academicYear);
  const academicYear = input.academicYear ?? years[0] ?? null;
  if (academicYear === null) return { academicYears: years, academicYear, programmes: [] };
  const rows = await ctx.db
    .selectFrom('enrolments')
    .select((eb) => ['programmeCode', eb.fn.countAll<number>().as('enrolments')])
    .where('academicYear', '=', academicYear)
    .where('status', 'in', [...batchStatusesOf(input.kind)])
    .where('programmeCode', 'is not', null)
    .groupBy('programmeCode')
    .execute();
  const programmes = rows
    .map((r) => ({
      code: r.programmeCode ?? '',
      name: programmeNameOf(r.programmeCode ?? '', academicYear),
      enrolments: r.enrolments,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { academicYears: years, academicYear, programmes };
}

/** One job as kept in memory: the view the screen polls, and what it needs to run and to zip. */
interface RunningBatch {
  view: BatchJob;
  enrolments: readonly { id: number; studentId: number; studentNumber: string; studentName: string }[];
  /** SHA-256 of each issued file, by its file name, to build the ZIP from the store. */
  files: Map<string, string>;
  isCancelRequested: boolean;
  cancelledBy: string | null;
  done: Promise<void>;
}

/** How many ended batches are kept for their results and ZIP before the oldest is forgotten. */
const keptEndedBatches = 10;

/**
 * How many documents at most one transaction issues: their register and audit rows are written by one
 * statement each, which halves the database work per document, while the write lock is held for a few
 * tenths of a second at most. A batch starts with one document and doubles, so the first results show at once.
 */
const documentsPerTransaction = 32;

/** Lets the event loop serve other calls (status polls, the screen) between two documents. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A copy of a job's view, so that callers never see it change under them. */
function snapshot(job: RunningBatch): BatchJob {
  return { ...job.view, results: [...job.view.results] };
}

/**
 * The batch jobs of one desk (Art 5, 8.3; issue 5 point 6): a job issues one document kind for every
 * selected enrolment of a programme and year, one document after the other, while its screen polls it.
 *
 * Documents are issued in groups of up to `documentsPerTransaction`, each group in its own transaction
 * (`issueDocumentGroup`): every PDF is written to the content-addressed store before the group's register
 * and audit rows are committed together. Cancelling takes effect after the document in hand, and the
 * documents of the group drafted so far are committed, so a cancelled batch leaves the documents issued
 * fully registered and nothing half-done; a crash mid-group rolls that group's rows back and leaves at most
 * unreferenced files. One transaction for the whole batch would instead hold SQLite's write lock for as
 * long as the batch runs, stopping every other desk, and lose all the work of a batch cancelled at 90%.
 */
export class IssuingBatches {
  readonly #jobs = new Map<string, RunningBatch>();

  /** Selects the enrolments and starts the job; returns at once, before the first document. */
  async start(ctx: IssuingContext, request: BatchRequest): Promise<BatchJob> {
    const running = [...this.#jobs.values()].find((job) => job.view.state === 'running');
    if (running)
      throw new DeskError(
        'conflict',
        `A batch of ${running.view.kindLabel.toLowerCase()}s for ${running.view.programmeName} is running (${running.view.processed} of ${running.view.total}); wait for it or cancel it first.`,
      );
    const enrolments = await ctx.db
      .selectFrom('enrolments')
      .innerJoin('students', 'students.id', 'enrolments.studentId')
      .select([
        'enrolments.id',
        'enrolments.studentId',
        'students.studentNumber',
        'students.givenNames',
        'students.familyName',
      ])
      .where('enrolments.programmeCode', '=', request.programmeCode)
      .where('enrolments.academicYear', '=', request.academicYear)
      .where('enrolments.status', 'in', [...batchStatusesOf(request.kind)])
      .orderBy('students.studentNumber')
      .orderBy('enrolments.id')
      .execute();
    if (enrolments.length === 0)
      throw new DeskError(
        'not_found',
        `No enrolment of ${request.programmeCode} in ${request.academicYear} is ${batchStatusesOf(request.kind).join(' or ')}; choose another programme or year.`,
        { field: 'programmeCode' },
      );
    const batchId = randomUUID();
    const view: BatchJob = {
      batchId,
      kind: request.kind,
      kindLabel: issuedDocumentKindLabels[request.kind],
      programmeCode: request.programmeCode,
      programmeName: programmeNameOf(request.programmeCode, request.academicYear),
      academicYear: request.academicYear,
      state: 'running',
      total: enrolments.length,
      processed: 0,
      issued: 0,
      refused: 0,
      failed: 0,
      startedAt: ctx.clock.now().toISOString(),
      startedBy: ctx.actor.name,
      finishedAt: null,
      message: null,
      results: [],
    };
    const job: RunningBatch = {
      view,
      enrolments: enrolments.map((e) => ({
        id: e.id,
        studentId: e.studentId,
        studentNumber: e.studentNumber,
        studentName: `${e.givenNames} ${e.familyName}`,
      })),
      files: new Map(),
      isCancelRequested: false,
      cancelledBy: null,
      done: Promise.resolve(),
    };
    this.#forgetOldJobs();
    this.#jobs.set(batchId, job);
    job.done = this.#run(ctx, job, request);
    return snapshot(job);
  }

  /** Where a job stands. */
  status(batchId: string): BatchJob {
    return snapshot(this.#find(batchId));
  }

  /** Asks a running job to stop after the document in hand; an ended job is returned as it is. */
  cancel(batchId: string, actorName: string): BatchJob {
    const job = this.#find(batchId);
    if (job.view.state === 'running') {
      job.isCancelRequested = true;
      job.cancelledBy = actorName;
    }
    return snapshot(job);
  }

  /** Waits until a job has ended (tests, the CLI). */
  async settled(batchId: string): Promise<BatchJob> {
    const job = this.#find(batchId);
    await job.done;
    return snapshot(job);
  }

  /** The issued PDFs of an ended job, read from the store, with a CSV of every student's result, as one ZIP. */
  zip(ctx: IssuingContext, batchId: string): { fileName: string; zipBase64: string; files: number } {
    const job = this.#find(batchId);
    if (job.view.state === 'running')
      throw new DeskError(
        'conflict',
        `The batch is still running (${job.view.processed} of ${job.view.total}); the ZIP is ready when it ends or is cancelled.`,
      );
    const entries: ZipEntry[] = [...job.files].map(([name, sha256]) => ({
      name,
      bytes: ctx.attachments.get(sha256),
    }));
    entries.push({ name: 'batch-results.csv', bytes: Buffer.from(resultsCsv(job.view), 'utf8') });
    const zip = writeStoredZip(entries, ctx.clock.now());
    const slug = job.view.kind === 'proof-of-payment' ? 'BBC' : job.view.kind;
    return {
      fileName: `${slug}-${job.view.programmeCode}-${job.view.academicYear}.zip`,
      zipBase64: zip.toString('base64'),
      files: job.files.size,
    };
  }

  /** Cancels every running job and waits for them to stop; called when the desk closes. */
  async dispose(): Promise<void> {
    for (const job of this.#jobs.values()) if (job.view.state === 'running') job.isCancelRequested = true;
    await Promise.all([...this.#jobs.values()].map((job) => job.done));
  }

  #find(batchId: string): RunningBatch {
    const job = this.#jobs.get(batchId);
    if (!job)
      throw new DeskError(
        'not_found',
        'This batch is not known (it ended long ago or the app was restarted); its documents are in the register.',
      );
    return job;
  }

  #forgetOldJobs(): void {
    const ended = [...this.#jobs.values()].filter((job) => job.view.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, ended.length - keptEndedBatches + 1)))
      this.#jobs.delete(job.view.batchId);
  }

  async #run(ctx: IssuingContext, job: RunningBatch, request: BatchRequest): Promise<void> {
    const { view } = job;
    // Let start() answer before the first document is rendered.
    await yieldToEventLoop();
    try {
      let next = 0;
      let groupSize = 1;
      while (next < job.enrolments.length && !job.isCancelRequested) {
        const group = job.enrolments.slice(next, next + groupSize);
        const { outcomes, stoppedBy } = await issueDocumentGroup(
          ctx,
          group.map((enrolment) => ({
            enrolmentId: enrolment.id,
            kind: request.kind,
            completedOn: request.completedOn,
          })),
          () => !job.isCancelRequested,
        );
        outcomes.forEach((outcome, i) => {
          const enrolment = group[i];
          if (enrolment) this.#record(job, enrolment, outcome);
        });
        next += outcomes.length;
        // Anything unexpected ends the batch, since the next document would most likely fail the same way.
        if (stoppedBy !== null) throw stoppedBy;
        groupSize = Math.min(groupSize * 2, documentsPerTransaction);
        await yieldToEventLoop();
      }
      view.state = job.isCancelRequested && view.processed < view.total ? 'cancelled' : 'completed';
      if (view.state === 'cancelled')
        view.message = `Cancelled by ${job.cancelledBy ?? 'the desk closing'} after ${view.processed} of ${view.total}; the ${view.issued} documents issued are registered.`;
    } catch (error) {
      view.state = 'failed';
      view.message = `Stopped after ${view.processed} of ${view.total}: ${error instanceof Error ? error.message : String(error)}. The ${view.issued} documents issued before are registered.`;
    }
    view.finishedAt = ctx.clock.now().toISOString();
    await this.#recordBatchAudit(ctx, view).catch(() => undefined);
  }

  /** Records one student's result in the job's view, and the issued file for the ZIP. */
  #record(job: RunningBatch, enrolment: RunningBatch['enrolments'][number], outcome: GroupOutcome): void {
    const student = {
      enrolmentId: enrolment.id,
      studentId: enrolment.studentId,
      studentNumber: enrolment.studentNumber,
      studentName: enrolment.studentName,
    };
    const none = { documentId: null, number: null, fileName: null };
    let result: BatchResult;
    if ('error' in outcome)
      // A student the register cannot serve (e.g. the enrolment vanished) is that student's failure.
      result = {
        ...student,
        outcome: 'failed',
        ...none,
        reasons: [{ article: '—', text: outcome.error.message }],
      };
    else if (outcome.outcome.outcome === 'issued') {
      const issued = outcome.outcome;
      job.files.set(issued.fileName, issued.document.sha256);
      result = {
        ...student,
        outcome: 'issued',
        documentId: issued.document.id,
        number: issued.document.number,
        fileName: issued.fileName,
        reasons: [],
      };
    } else result = { ...student, outcome: 'refused', ...none, reasons: outcome.outcome.reasons };
    job.view.results.push(result);
    job.view.processed += 1;
    job.view[result.outcome] += 1;
  }

  /** One audit row for the batch as a whole; each document has its own from issuing. */
  async #recordBatchAudit(ctx: IssuingContext, view: BatchJob): Promise<void> {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.actor, view.finishedAt ?? ctx.clock.now().toISOString(), {
        action: 'documents.batch',
        entity: 'issued_document_batch',
        entityId: view.batchId,
        after: {
          kind: view.kind,
          programmeCode: view.programmeCode,
          academicYear: view.academicYear,
          state: view.state,
          total: view.total,
          issued: view.issued,
          refused: view.refused,
          failed: view.failed,
        },
        reason: view.message,
      }),
    );
  }
}

/** A CSV cell, quoted when it holds a separator, quote or line break. */
function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every student's result as CSV (UTF-8 with BOM, so spreadsheet programs read the names right). */
export function resultsCsv(view: BatchJob): string {
  const header = ['student_number', 'name', 'outcome', 'document_number', 'file', 'reasons'];
  const rows = view.results.map((r) => [
    r.studentNumber,
    r.studentName,
    r.outcome,
    r.number ?? '',
    r.fileName ?? '',
    r.reasons.map((reason) => `${reason.article}: ${reason.text}`).join(' '),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
