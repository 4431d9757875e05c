import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';

/** Staff, the course–programme catalogue, students with course registrations, and the audit trail. */
export const migration001Catalogue: Migration = {
  number: 1,
  name: 'catalogue',
  async up(db: Kysely<unknown>) {
    const versioned = <T extends Parameters<Kysely<unknown>['schema']['createTable']>[0]>(table: T) =>
      db.schema
        .createTable(table)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull());

    await versioned('staff')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('desk', 'iro', 'ssc', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await versioned('programmes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) =>
        c.notNull().check(sql`level in ('bachelor', 'master', 'pre-master', 'professional-master')`),
      )
      .addColumn('faculty', 'text')
      .addColumn('has_part_time_variant', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_small_scale_intensive', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await versioned('courses')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('ects', 'real', (c) => c.notNull().check(sql`ects > 0`))
      .addColumn('period', 'integer', (c) => c.notNull().check(sql`period between 1 and 6`))
      .addColumn('faculty', 'text', (c) => c.notNull())
      .addColumn('coordinator', 'text')
      .addColumn('is_skills_training', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('courses_title').on('courses').column('title').execute();

    await db.schema
      .createTable('course_programmes')
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
      .addColumn('programme_id', 'integer', (c) =>
        c.notNull().references('programmes.id').onDelete('cascade'),
      )
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('course_programmes_pk', ['course_id', 'programme_id'])
      .execute();
    await db.schema
      .createIndex('course_programmes_programme')
      .on('course_programmes')
      .column('programme_id')
      .execute();

    await versioned('students')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('student_number', 'text', (c) => c.notNull().unique())
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('given_names', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .execute();

    await db.schema
      .createTable('course_registrations')
      .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id').onDelete('cascade'))
      .addColumn('academic_year', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('course_registrations_pk', ['student_id', 'course_id', 'academic_year'])
      .execute();
    await db.schema
      .createIndex('course_registrations_course')
      .on('course_registrations')
      .column('course_id')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('audit_log_entity')
      .on('audit_log')
      .columns(['entity', 'entity_id'])
      .execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
    // The trail is append-only (DESIGN.md §4): the database itself refuses to rewrite history.
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'The audit trail is append-only: rows cannot be changed.'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'The audit trail is append-only: rows cannot be deleted.'); end`.execute(db);
  },
};
