import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allCalls, type CallOutput } from '../shared/api';
import type { Envelope } from '../shared/errors';
import type { Actor } from '../core/db/audit';
import { defaultDatabasePath } from '../core/default-database-path';
import { createDesk, type Desk } from '../core/desk';
import { checkDatabase, backupDatabase } from '../core/db/maintenance';
import { scaleSize, seedCatalogue, demoSize } from '../core/modules/demo/demo-seed';
import { loadProvisions } from '../core/provisions/load-provisions';
import { readStoredZip } from '../core/zip/stored-zip';

/** Where the CLI writes: injectable so tests read what it printed. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const common = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: ParseArgsConfig['options'];
  run(context: {
    desk: Desk;
    actor: Actor;
    values: Record<string, unknown>;
    positionals: string[];
    io: CliOutput;
    json: boolean;
  }): Promise<number>;
}

/** Prints a call's value (as JSON with --json), or its error; returns the exit code. */
function report<T>(envelope: Envelope<T>, io: CliOutput, json: boolean, print: (value: T) => void): number {
  if (!envelope.ok) {
    if (json) io.out(JSON.stringify({ ok: false, error: envelope.error }, null, 2));
    else {
      io.err(`error: ${envelope.error.field ? `${envelope.error.field}: ` : ''}${envelope.error.message}`);
      for (const detail of envelope.error.details ?? [])
        io.err(`  row ${detail.row ?? '-'} ${detail.field ?? ''}: ${detail.message}`);
    }
    return envelope.error.kind === 'internal' ? 70 : 1;
  }
  if (json) io.out(JSON.stringify(envelope.value, null, 2));
  else print(envelope.value);
  return 0;
}

const commands: Record<string, Command> = {
  seed: {
    summary: 'Fill an empty database with demo data (--demo) or N students at university scale (--scale N)',
    usage: 'desk seed (--demo | --scale N) [--seed S] [--db PATH] [--json]',
    options: {
      demo: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seed: { type: 'string' },
    },
    async run({ desk, actor, values, io, json }) {
      if (!values['demo'] && values['scale'] === undefined) throw new UsageError('say --demo or --scale N');
      const seed =
        typeof values['seed'] === 'string' ? parsePositiveInteger(values['seed'], '--seed') : undefined;
      const size = values['demo']
        ? { ...demoSize, ...(seed === undefined ? {} : { seed }) }
        : scaleSize(
            parsePositiveInteger(typeof values['scale'] === 'string' ? values['scale'] : '', '--scale'),
            seed ?? 1,
          );
      const started = performance.now();
      const ctx = { db: desk.database.db, clock: desk.clock, actor };
      const counts = await seedCatalogue(ctx, loadProvisions(), size);
      const seconds = (performance.now() - started) / 1000;
      if (json) io.out(JSON.stringify({ ...counts, seconds }, null, 2));
      else
        io.out(
          `Seeded ${counts.programmes} programmes, ${counts.courses} courses, ${counts.students} students, ${counts.registrations} registrations in ${seconds.toFixed(1)} s.`,
        );
      return 0;
    },
  },
  check: {
    summary: 'Check the database: integrity_check and foreign_key_check',
    usage: 'desk check [--db PATH] [--json]',
    options: {},
    run({ desk, io, json }) {
      const result = checkDatabase(desk.database.sqlite);
      if (json) io.out(JSON.stringify(result, null, 2));
      else if (result.ok) io.out('ok: integrity check passed, no foreign key violations.');
      else for (const problem of result.problems) io.err(`problem: ${problem}`);
      return Promise.resolve(result.ok ? 0 : 1);
    },
  },
  backup: {
    summary: 'Copy the database to FILE with SQLite online backup (safe while the app runs)',
    usage: 'desk backup FILE [--db PATH] [--json]',
    options: {},
    async run({ desk, positionals, io, json }) {
      const target = positionals[0];
      if (!target) throw new UsageError('name the backup FILE');
      const result = await backupDatabase(desk.database.sqlite, resolve(target));
      if (json) io.out(JSON.stringify(result, null, 2));
      else io.out(`Backed up ${result.pages} pages to ${result.file}.`);
      return 0;
    },
  },
  staff: {
    summary:
      'List staff, or add one: staff add --username U --name N --role R (password from DESK_PASSWORD or stdin)',
    usage:
      'desk staff (list | add --username U --name "Full Name" --role desk|iro|ssc|admin) [--db PATH] [--json]',
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    async run({ desk, actor, values, positionals, io, json }) {
      const verb = positionals[0] ?? 'list';
      if (verb === 'list') {
        return report(await desk.invokeAsOperator(actor, 'staff:list', {}), io, json, (rows) => {
          for (const s of rows as {
            username: string;
            displayName: string;
            role: string;
            isActive: boolean;
          }[]) {
            io.out(
              `${s.username.padEnd(20)} ${s.role.padEnd(6)} ${s.isActive ? 'active  ' : 'disabled'} ${s.displayName}`,
            );
          }
        });
      }
      if (verb !== 'add') throw new UsageError(`unknown staff command "${verb}"`);
      const password = process.env['DESK_PASSWORD'] ?? readFileSync(0, 'utf8').trim();
      const input = {
        username: values['username'],
        displayName: values['name'],
        role: values['role'],
        password,
      };
      return report(await desk.invokeAsOperator(actor, 'staff:add', input), io, json, (s) => {
        const member = s as { username: string; role: string };
        io.out(`Added ${member.username} (${member.role}).`);
      });
    },
  },
  import: {
    summary:
      'Import a CSV or XLSX file of programmes, courses, links, students, registrations or enrolments (README: Import formats)',
    usage:
      'desk import --kind programmes|courses|links|students|registrations|enrolments FILE [--dry-run] [--db PATH] [--json]',
    options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    async run({ desk, actor, values, positionals, io, json }) {
      const file = positionals[0];
      if (!file) throw new UsageError('name the FILE to import');
      const input = {
        kind: values['kind'],
        fileName: basename(file),
        contentBase64: readFileSync(file).toString('base64'),
        dryRun: values['dry-run'],
      };
      const envelope = await desk.invokeAsOperator(actor, 'transfer:importFile', input);
      const code = report(envelope, io, json, (value) => {
        const r = value as {
          dryRun: boolean;
          rows: number;
          created: number;
          updated: number;
          unchanged: number;
          problems: { row: number; column: string; message: string }[];
          outcomes: { row: number; action: string; record: string; detail: string }[];
        };
        if (r.problems.length > 0) {
          io.err(`${r.problems.length} problem(s); nothing was imported:`);
          for (const p of r.problems) io.err(`  row ${p.row}, column ${p.column || '-'}: ${p.message}`);
        } else {
          io.out(
            `${r.dryRun ? 'Dry run: would create' : 'Created'} ${r.created}, ${r.dryRun ? 'update' : 'updated'} ${r.updated}, unchanged ${r.unchanged} (${r.rows} rows).`,
          );
          // A dry run says what each row would do.
          if (r.dryRun)
            for (const o of r.outcomes)
              io.out(`  row ${o.row}: ${o.action} ${o.record}${o.detail ? ` (${o.detail})` : ''}`);
        }
      });
      return envelope.ok && (envelope.value as { problems: unknown[] }).problems.length > 0 ? 1 : code;
    },
  },
  export: {
    summary: 'Export a table to CSV or XLSX',
    usage:
      'desk export --table programmes|courses|orphanCourses|links|students|registrations|audit --format csv|xlsx --out FILE [--db PATH]',
    options: {
      table: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
    },
    async run({ desk, actor, values, io, json }) {
      const envelope = await desk.invokeAsOperator(actor, 'transfer:exportTable', {
        table: values['table'],
        format: values['format'],
      });
      return report(envelope, io, false, (value) => {
        const r = value as { fileName: string; contentBase64: string; rows: number };
        const out = resolve(typeof values['out'] === 'string' ? values['out'] : r.fileName);
        writeFileSync(out, Buffer.from(r.contentBase64, 'base64'));
        io.out(json ? JSON.stringify({ file: out, rows: r.rows }) : `Wrote ${r.rows} rows to ${out}.`);
      });
    },
  },
  orphans: {
    summary: 'List the courses without programme with their registered students',
    usage: 'desk orphans [--db PATH] [--json]',
    options: {},
    async run({ desk, actor, io, json }) {
      return report(
        await desk.invokeAsOperator(actor, 'catalogue:listOrphanCourses', {}),
        io,
        json,
        (rows) => {
          const list = rows as { code: string; title: string; registeredStudents: number }[];
          for (const c of list)
            io.out(`${c.code.padEnd(10)} ${String(c.registeredStudents).padStart(5)}  ${c.title}`);
          io.out(`${list.length} courses without programme.`);
        },
      );
    },
  },
  fee: {
    summary:
      'Assess a fee (quote) or a refund (refund) from a JSON facts file; prints JSON with the reasons and their articles',
    usage: 'desk fee (quote | refund) --facts FILE.json [--db PATH]',
    options: { facts: { type: 'string' } },
    async run({ desk, actor, values, positionals, io }) {
      const verb = positionals[0];
      if (verb !== 'quote' && verb !== 'refund') throw new UsageError('say "quote" or "refund"');
      const file = typeof values['facts'] === 'string' ? values['facts'] : undefined;
      if (!file) throw new UsageError('name the facts file with --facts FILE.json');
      let facts: unknown;
      try {
        facts = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch (error) {
        io.err(`desk fee: ${file} is not a readable JSON file: ${(error as Error).message}`);
        return 1;
      }
      const envelope = await desk.invokeAsOperator(actor, verb === 'quote' ? 'fees:quote' : 'fees:refund', {
        facts,
      });
      // The assessment is data for other tools: always JSON, also for errors (with the field at fault).
      return report(envelope, io, true, () => undefined);
    },
  },
  ltr: {
    summary:
      'Check the wording on another Member State’s residence document against the EU long-term resident terms (App III)',
    usage: 'desk ltr check --country CODE --text "WORDING" [--year 2022-23] [--json] [--db PATH]',
    options: { country: { type: 'string' }, text: { type: 'string' }, year: { type: 'string' } },
    async run({ desk, actor, values, positionals, io, json }) {
      if (positionals[0] !== 'check') throw new UsageError('say "check"');
      const country = typeof values['country'] === 'string' ? values['country'] : undefined;
      const text = typeof values['text'] === 'string' ? values['text'] : undefined;
      if (!country)
        throw new UsageError('name the Member State that issued the document with --country CODE');
      if (text === undefined) throw new UsageError('give the wording on the document with --text "WORDING"');
      const envelope = await desk.invokeAsOperator(actor, 'residence:checkLongTermResidentWording', {
        memberState: country,
        wording: text,
        ...(typeof values['year'] === 'string' ? { academicYear: values['year'] } : {}),
      });
      return report(envelope, io, json, (value) => {
        const check = value as CallOutput<'residence:checkLongTermResidentWording'>;
        const term = check.matchedTerm ?? check.nearestTerm;
        const termText = term
          ? ` “${term.term}” (${term.stateName}${term.former ? ', a former term' : ''})`
          : '';
        const heading = {
          match: 'match:',
          'needs-review': 'needs review: compare with',
          'no-match': 'no match',
        };
        io.out(`${heading[check.outcome]}${termText}`);
        for (const reason of check.reasons) io.out(`  ${reason.article.padEnd(9)} ${reason.text}`);
      });
    },
  },
  documents: {
    summary:
      "The Art 13 documents a student's enrolments require, each with why, its deadline and where its review stands",
    usage: 'desk documents required --student ID|NUMBER [--json] [--db PATH]',
    options: { student: { type: 'string' } },
    async run({ desk, actor, values, positionals, io, json }) {
      if (positionals[0] !== 'required') throw new UsageError('say "required"');
      const given = typeof values['student'] === 'string' ? values['student'].trim() : '';
      if (!given) throw new UsageError('name the student with --student ID or student number');
      const byNumber = /^\d+$/.test(given)
        ? undefined
        : await desk.database.db
            .selectFrom('students')
            .select('id')
            .where('studentNumber', '=', given)
            .executeTakeFirst();
      if (byNumber === undefined && !/^\d+$/.test(given)) {
        io.err(`desk documents: no student with number ${given}.`);
        return 1;
      }
      const envelope = await desk.invokeAsOperator(actor, 'enrolments:ofStudent', {
        studentId: byNumber?.id ?? Number(given),
      });
      if (!envelope.ok) return report(envelope, io, json, () => undefined);
      const file = envelope.value as CallOutput<'enrolments:ofStudent'>;
      const checklists = file.enrolments.map((e) => ({
        enrolmentId: e.enrolment.id,
        academicYear: e.enrolment.academicYear,
        programme: e.enrolment.programmeName,
        startDate: e.enrolment.startDate,
        status: e.enrolment.status,
        checklistUnavailable: e.checklistUnavailable,
        documents: (e.checklist ?? []).map((d) => ({
          document: d.document,
          label: d.label,
          article: d.article,
          required: d.required,
          deadline: d.deadline,
          deadlineRelation: d.deadlineRelation,
          isPastDeadline: d.isPastDeadline,
          status: d.record?.status ?? (d.required ? 'not-requested' : null),
          reasons: d.reasons,
        })),
      }));
      const value = { student: file.student, hasProfile: file.hasProfile, enrolments: checklists };
      return report({ ok: true, value }, io, json, (v) => {
        io.out(`${v.student.studentNumber} ${v.student.givenNames} ${v.student.familyName}`);
        if (v.enrolments.length === 0) io.out('  no enrolments.');
        for (const e of v.enrolments) {
          io.out(`\n${e.academicYear} ${e.programme}, from ${e.startDate} (${e.status})`);
          if (e.checklistUnavailable) io.out(`  ${e.checklistUnavailable}`);
          for (const d of e.documents) {
            const due = d.deadline ? ` ${d.deadlineRelation ?? 'by'} ${d.deadline}` : '';
            io.out(
              `  ${d.document}. ${d.required ? 'REQUIRED' : 'not required'}${due}${d.status ? ` [${d.status}]` : ''}  ${d.label}`,
            );
            for (const r of d.reasons) io.out(`       ${r.article.padEnd(10)} ${r.text}`);
          }
        }
      });
    },
  },
  verify: {
    summary:
      'Verify an issued document by its verification code or as a presented PDF: valid, revoked, superseded, unknown or altered',
    usage: 'desk verify (CODE | FILE.pdf) [--json] [--db PATH]',
    options: {},
    async run({ desk, actor, positionals, io, json }) {
      const given = positionals[0];
      if (!given) throw new UsageError('give the verification CODE or the FILE.pdf to verify');
      const isFile = /\.pdf$/i.test(given) || existsSync(given);
      const envelope = await desk.invokeAsOperator(
        actor,
        'documents:verify',
        isFile ? { pdfBase64: readFileSync(given).toString('base64') } : { code: given },
      );
      const code = report(envelope, io, json, (value) => {
        const result = value as CallOutput<'documents:verify'>;
        io.out(`${result.outcome.toUpperCase()}: ${result.message}`);
        if (result.document)
          for (const [label, text] of result.document.contents) io.out(`  ${label.padEnd(24)} ${text}`);
      });
      // Anything but a valid document is a failure for scripts that check it.
      return envelope.ok && (envelope.value as CallOutput<'documents:verify'>).outcome !== 'valid' ? 1 : code;
    },
  },
  issue: {
    summary:
      'Issue one document kind for every enrolment of a programme in a year (BBCs, certificates); PDFs to a folder or a ZIP',
    usage:
      'desk issue --kind enrolment-certificate|proof-of-payment|pre-master-certificate --programme CODE --year 2022-23 --out DIR|FILE.zip [--completed-on DATE] [--json] [--db PATH]',
    options: {
      kind: { type: 'string' },
      programme: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      'completed-on': { type: 'string' },
    },
    async run({ desk, actor, values, io, json }) {
      const out = typeof values['out'] === 'string' ? resolve(values['out']) : undefined;
      if (!out) throw new UsageError('say where the PDFs go with --out DIR or --out FILE.zip');
      const started = await desk.invokeAsOperator(actor, 'documents:startBatch', {
        kind: values['kind'],
        programmeCode: values['programme'],
        academicYear: values['year'],
        ...(typeof values['completed-on'] === 'string' ? { completedOn: values['completed-on'] } : {}),
      });
      if (!started.ok) return report(started, io, json, () => undefined);
      const { batchId, total } = started.value as CallOutput<'documents:startBatch'>;
      // Ctrl+C cancels after the document in hand: the documents issued so far stay registered and are written.
      const cancel = () => void desk.invokeAsOperator(actor, 'documents:cancelBatch', { batchId });
      process.once('SIGINT', cancel);
      let job: CallOutput<'documents:batchStatus'>;
      let printed = 0;
      try {
        for (;;) {
          await new Promise((done) => setTimeout(done, 100));
          const status = await desk.invokeAsOperator(actor, 'documents:batchStatus', { batchId });
          if (!status.ok) return report(status, io, json, () => undefined);
          job = status.value as CallOutput<'documents:batchStatus'>;
          if (!json)
            for (const r of job.results.slice(printed)) {
              const detail = r.number ?? r.reasons.map((x) => `${x.article}: ${x.text}`).join(' ');
              io.out(`${r.studentNumber.padEnd(10)} ${r.outcome.padEnd(8)} ${detail}  (${r.studentName})`);
            }
          printed = job.results.length;
          if (job.state !== 'running') break;
        }
      } finally {
        process.off('SIGINT', cancel);
      }
      const zipped = await desk.invokeAsOperator(actor, 'documents:batchZip', { batchId });
      if (!zipped.ok) return report(zipped, io, json, () => undefined);
      const zip = zipped.value as CallOutput<'documents:batchZip'>;
      const bytes = Buffer.from(zip.zipBase64, 'base64');
      let written: string;
      if (/\.zip$/i.test(out)) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, bytes);
        written = out;
      } else {
        mkdirSync(out, { recursive: true });
        for (const entry of readStoredZip(bytes)) writeFileSync(join(out, entry.name), entry.bytes);
        written = `${out}/`;
      }
      const summary = `${job.kindLabel}, ${job.programmeName} ${job.academicYear}: ${job.issued} issued, ${job.refused} refused, ${job.failed} failed of ${total}; ${zip.files} PDFs and batch-results.csv in ${written}`;
      if (json) io.out(JSON.stringify({ ...job, out: written }, null, 2));
      else {
        io.out(summary);
        if (job.message) io.err(job.message);
      }
      return job.state === 'completed' && job.failed === 0 ? 0 : 1;
    },
  },
  retention: {
    summary:
      'Re-sit retention of a fall semester: remove fall exchange students from active registration, keeping those staying for period-2 re-sits',
    usage: 'desk retention --semester 2022-fall [--dry-run] [--json] [--db PATH]',
    options: { semester: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    async run({ desk, actor, values, io, json }) {
      const semester = values['semester'];
      if (typeof semester !== 'string' || !/^\d{4}-fall$/.test(semester))
        throw new UsageError('name the fall semester with --semester, e.g. 2022-fall');
      const dryRun = values['dry-run'] === true;
      const envelope = await desk.invokeAsOperator(actor, 'exchange:runRetention', { semester, dryRun });
      return report(envelope, io, json, (value) => {
        const r = value as CallOutput<'exchange:runRetention'>;
        for (const i of r.items) {
          const outcome = i.outcome === 'kept' ? `kept until ${i.effectiveOn}` : `removed ${i.effectiveOn}`;
          io.out(`${i.studentNumber} ${outcome}, UM account until ${i.umAccountEndsOn} (${i.change})`);
        }
        io.out(
          `${semester}${r.dryRun ? ' (dry run, nothing recorded)' : `: run ${r.runId ?? ''} on ${r.runOn}`}: ${r.dryRun ? 'would remove' : 'removed'} ${r.removed}, ${r.dryRun ? 'keep' : 'kept'} ${r.kept}, unchanged ${r.unchanged}`,
        );
      });
    },
  },
  transcript: {
    summary:
      "An exchange student's transcript of records: the PDF, EMREX ELMO XML and (with --tors) the EWP tors response",
    usage:
      'desk transcript --student ID|NUMBER [--pdf FILE] [--elmo FILE] [--tors FILE] [--json] [--db PATH]',
    options: {
      student: { type: 'string' },
      pdf: { type: 'string' },
      elmo: { type: 'string' },
      tors: { type: 'string' },
    },
    async run({ desk, actor, values, io, json }) {
      const studentId = await studentIdOf(desk, values['student']);
      const files = { pdf: values['pdf'], elmo: values['elmo'], tors: values['tors'] };
      if (!Object.values(files).some((f) => typeof f === 'string'))
        throw new UsageError('say where the transcript goes with --pdf FILE and/or --elmo FILE');
      const envelope = await desk.invokeAsOperator(actor, 'exchange:issueTranscript', { studentId });
      return report(envelope, io, json, (value) => {
        const t = value as CallOutput<'exchange:transcript'>;
        const written = writeTranscriptFiles(t, {
          pdf: typeof files.pdf === 'string' ? files.pdf : undefined,
          elmo: typeof files.elmo === 'string' ? files.elmo : undefined,
          tors: typeof files.tors === 'string' ? files.tors : undefined,
        });
        io.out(`${t.reference}: ${written.join(', ')}`);
      });
    },
  },
  transcripts: {
    summary:
      'Transcripts (PDF, ELMO, EWP tors) of every exchange student of a semester into a folder, with the result per student',
    usage: 'desk transcripts --semester 2022-fall --out DIR [--json] [--db PATH]',
    options: { semester: { type: 'string' }, out: { type: 'string' } },
    async run({ desk, actor, values, io, json }) {
      const semester = values['semester'];
      if (typeof semester !== 'string' || !/^\d{4}-(fall|spring)$/.test(semester))
        throw new UsageError('name the semester with --semester, e.g. 2022-fall');
      const out = typeof values['out'] === 'string' ? resolve(values['out']) : undefined;
      if (!out) throw new UsageError('say where the transcripts go with --out DIR');
      // The same end-of-semester batch as the Exchange screen's Transcripts view; Ctrl+C cancels after the student in hand.
      const started = await desk.invokeAsOperator(actor, 'exchange:startTranscriptBatch', { semester });
      if (!started.ok) return report(started, io, json, () => undefined);
      const { batchId } = started.value as CallOutput<'exchange:startTranscriptBatch'>;
      const cancel = () => void desk.invokeAsOperator(actor, 'exchange:cancelTranscriptBatch', { batchId });
      process.once('SIGINT', cancel);
      let job: CallOutput<'exchange:transcriptBatchStatus'>;
      let printed = 0;
      try {
        for (;;) {
          await new Promise((done) => setTimeout(done, 100));
          const status = await desk.invokeAsOperator(actor, 'exchange:transcriptBatchStatus', { batchId });
          if (!status.ok) return report(status, io, json, () => undefined);
          job = status.value as CallOutput<'exchange:transcriptBatchStatus'>;
          if (!json)
            for (const [index, r] of job.results.entries()) {
              if (index < printed) continue;
              const detail = r.reference
                ? `${r.reference}${r.documentNumber ? ` (${r.documentNumber})` : ''}`
                : r.reasons.map((x) => `${x.article}: ${x.text}`).join(' ');
              io.out(`[${index + 1}/${job.total}] ${r.studentNumber} ${r.outcome}: ${detail}`);
            }
          printed = job.results.length;
          if (job.state !== 'running') break;
        }
      } finally {
        process.off('SIGINT', cancel);
      }
      const zipped = await desk.invokeAsOperator(actor, 'exchange:transcriptBatchZip', { batchId });
      if (!zipped.ok) return report(zipped, io, json, () => undefined);
      mkdirSync(out, { recursive: true });
      const zip = zipped.value as CallOutput<'exchange:transcriptBatchZip'>;
      for (const entry of readStoredZip(Buffer.from(zip.zipBase64, 'base64')))
        writeFileSync(join(out, entry.name), entry.bytes);
      if (json) io.out(JSON.stringify({ ...job, out }, null, 2));
      else {
        io.out(
          `${semester}: ${job.produced} transcripts written to ${out}/, ${job.refused} refused, ${job.failed} failed; results in transcript-results.csv`,
        );
        if (job.message) io.err(job.message);
      }
      return job.state === 'completed' && job.failed === 0 ? 0 : 1;
    },
  },
  'study-progress': {
    summary:
      'The study progress check of study-permit students for a year; the list to notify to the IND as PDF and/or CSV',
    usage: 'desk study-progress [--year 2022-23] [--pdf FILE] [--csv FILE] [--json] [--db PATH]',
    options: { year: { type: 'string' }, pdf: { type: 'string' }, csv: { type: 'string' } },
    async run({ desk, actor, values, io, json }) {
      const academicYear = typeof values['year'] === 'string' ? values['year'] : '2022-23';
      if (!/^\d{4}-\d{2}$/.test(academicYear))
        throw new UsageError('name the academic year with --year, e.g. 2022-23');
      const list = await desk.invokeAsOperator(actor, 'studyProgress:list', { academicYear });
      if (!list.ok) return report(list, io, json, () => undefined);
      const written: string[] = [];
      for (const format of ['pdf', 'csv'] as const) {
        const file = values[format];
        if (typeof file !== 'string') continue;
        const envelope = await desk.invokeAsOperator(actor, 'studyProgress:exportIndList', {
          academicYear,
          format,
        });
        if (!envelope.ok) return report(envelope, io, json, () => undefined);
        const exported = envelope.value as CallOutput<'studyProgress:exportIndList'>;
        mkdirSync(dirname(resolve(file)), { recursive: true });
        writeFileSync(file, Buffer.from(exported.contentBase64, 'base64'));
        written.push(file);
      }
      const value = list.value as CallOutput<'studyProgress:list'>;
      const counts: Record<string, number> = {};
      for (const row of value.rows) counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
      return report({ ok: true, value: { academicYear, counts, written } }, io, json, () => {
        io.out(
          `${academicYear}: ${value.rows.length} study-permit students; ${Object.entries(counts)
            .map(([outcome, n]) => `${n} ${outcome}`)
            .join(
              ', ',
            )}${value.isYearEnded ? '' : ` (the year ends ${value.yearEndsOn}: outcomes are pending)`}`,
        );
        for (const row of value.rows.filter((r) => r.outcome === 'notify'))
          io.out(
            `  notify ${row.studentNumber} ${row.name}: ${row.creditsObtained} of ${row.norm ?? 'pass'} ECTS`,
          );
        if (written.length > 0) io.out(`Written: ${written.join(', ')}`);
      });
    },
  },
  calls: {
    summary: 'List every call of the API contract with the roles allowed to make it',
    usage: 'desk calls [--json]',
    options: {},
    run({ io, json }) {
      const rows = allCalls.map((c) => ({ name: c.name, access: c.access, summary: c.summary }));
      if (json) io.out(JSON.stringify(rows, null, 2));
      else
        for (const r of rows)
          io.out(
            `${r.name.padEnd(30)} ${(r.access === 'public' ? 'public' : r.access.join(',')).padEnd(20)} ${r.summary}`,
          );
      return Promise.resolve(0);
    },
  },
};

/** A mistake in how the command was called; exit code 2. */
class UsageError extends Error {}

/** A student by database id or student number. */
async function studentIdOf(desk: Desk, given: unknown): Promise<number> {
  if (typeof given !== 'string' || given === '')
    throw new UsageError('name the student with --student ID|NUMBER');
  if (/^\d+$/.test(given)) return parsePositiveInteger(given, '--student');
  const row = await desk.database.db
    .selectFrom('students')
    .select('id')
    .where('studentNumber', '=', given)
    .executeTakeFirst();
  if (!row) throw new UsageError(`no student with number ${given}`);
  return row.id;
}

/** Writes the forms of a transcript that were asked for; returns the files written. */
function writeTranscriptFiles(
  t: CallOutput<'exchange:transcript'>,
  files: { pdf?: string | undefined; elmo?: string | undefined; tors?: string | undefined },
): string[] {
  const written: string[] = [];
  const write = (file: string | undefined, bytes: Buffer | string) => {
    if (!file) return;
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, bytes);
    written.push(file);
  };
  write(files.pdf, Buffer.from(t.pdfBase64, 'base64'));
  write(files.elmo, t.elmoXml);
  write(files.tors, t.torsXml);
  return written;
}

function parsePositiveInteger(text: string, name: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`${name} takes a whole number of at least 1, not "${text}"`);
  return Number(text);
}

function printHelp(io: CliOutput): void {
  io.out(
    "desk: the Student Affairs Desk command line. Every command accepts --db PATH (default: the app's database).",
  );
  io.out('');
  for (const [name, command] of Object.entries(commands))
    io.out(`  ${name.padEnd(9)} ${command.summary}\n            ${command.usage}`);
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(io);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`desk: unknown command "${name}". Run "desk help" for the list.`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...common, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`desk ${name}: ${(error as Error).message}\nusage: ${command.usage}`);
    return 2;
  }
  if (parsed.values['help']) {
    io.out(`usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  const databaseFile = typeof parsed.values['db'] === 'string' ? parsed.values['db'] : defaultDatabasePath();
  if (databaseFile !== ':memory:') mkdirSync(dirname(resolve(databaseFile)), { recursive: true });
  let desk: Desk;
  try {
    desk = await createDesk({ databaseFile });
  } catch (error) {
    io.err(`desk: cannot open ${databaseFile}: ${(error as Error).message}`);
    return 1;
  }
  const actor: Actor = { id: null, name: `desk CLI (${userInfo().username})`, role: 'system' };
  try {
    return await command.run({
      desk,
      actor,
      values: parsed.values,
      positionals: parsed.positionals,
      io,
      json: parsed.values['json'] === true,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`desk ${name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    io.err(`desk ${name}: ${(error as Error).message}`);
    return 1;
  } finally {
    await desk.close();
  }
}
