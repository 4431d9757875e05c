import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskError } from '../../shared/errors';

/**
 * Scanned documents, stored content-addressed by SHA-256 in a folder beside the database
 * (DESIGN.md §4): a file is written once under its hash and never overwritten.
 */
export interface AttachmentStore {
  /** The folder the files live in. */
  readonly folder: string;
  /** Stores the bytes under their SHA-256 (once) and returns the hash; `isNew` is false when they were already there. */
  put(bytes: Uint8Array): { sha256: string; isNew: boolean };
  /** The bytes stored under a hash, checked against it; a missing or altered file is refused. */
  get(sha256: string): Buffer;
  /** Removes a temporary folder (':memory:' databases); a folder beside a database file is kept. */
  dispose(): void;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The attachment folder of a database: `<file>.attachments/` beside it, or a temporary folder for ':memory:'. */
export function openAttachmentStore(databaseFile: string): AttachmentStore {
  const isTemporary = databaseFile === ':memory:' || databaseFile === '';
  const folder = isTemporary
    ? mkdtempSync(join(tmpdir(), 'desk-attachments-'))
    : `${resolve(databaseFile)}.attachments`;
  mkdirSync(folder, { recursive: true });
  const pathOf = (sha256: string) => join(folder, sha256.slice(0, 2), sha256);

  function get(sha256: string): Buffer {
    if (!sha256Pattern.test(sha256)) throw new DeskError('validation', `"${sha256}" is not a SHA-256 hash.`);
    const path = pathOf(sha256);
    if (!existsSync(path)) {
      throw new DeskError(
        'not_found',
        `The scan ${sha256.slice(0, 12)}… is not in ${folder}; restore the attachment folder from the backup.`,
      );
    }
    const bytes = readFileSync(path);
    if (sha256Of(bytes) !== sha256) {
      throw new DeskError(
        'internal',
        `The stored scan ${sha256.slice(0, 12)}… no longer matches its hash; restore it from the backup.`,
      );
    }
    return bytes;
  }

  /** The two-character subfolders known to exist, so that each is made once rather than for every file. */
  const subfolders = new Set<string>();

  return {
    folder,
    put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      if (existsSync(path)) {
        get(sha256);
        return { sha256, isNew: false };
      }
      const subfolder = sha256.slice(0, 2);
      if (!subfolders.has(subfolder)) {
        mkdirSync(join(folder, subfolder), { recursive: true });
        subfolders.add(subfolder);
      }
      // Written whole under a temporary name first, so that a file under a hash is never a partial one.
      const temporary = join(folder, `.incoming-${randomBytes(8).toString('hex')}`);
      writeFileSync(temporary, bytes, { flag: 'wx' });
      let isNew = true;
      try {
        // A hard link never replaces an existing file: another writer of the same bytes wins, harmlessly.
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        isNew = false;
      } finally {
        unlinkSync(temporary);
      }
      // The file is named by the hash of the bytes just written in full, so it is not read back and hashed
      // again (that was a third of storing an issued PDF); a file another writer put there first is checked.
      if (!isNew) get(sha256);
      return { sha256, isNew };
    },
    get,
    dispose() {
      if (isTemporary) rmSync(folder, { recursive: true, force: true });
    },
  };
}
