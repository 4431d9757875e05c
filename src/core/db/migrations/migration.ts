import type { Kysely } from 'kysely';

/** One numbered, append-only schema change. Never edit a released migration: add the next one. */
export interface Migration {
  readonly number: number;
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
