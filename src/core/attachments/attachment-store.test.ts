import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttachmentStore } from './attachment-store';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the attachment store beside the database (DESIGN.md §4)', () => {
  it('keeps scans in <database>.attachments/, addressed by SHA-256, written once', () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-store-test-'));
    folders.push(folder);
    const store = openAttachmentStore(join(folder, 'desk.sqlite'));
    expect(store.folder).toBe(join(folder, 'desk.sqlite.attachments'));
    const bytes = Buffer.from('%PDF-1.4 test');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(store.put(bytes)).toEqual({ sha256: sha, isNew: true });
    expect(store.put(bytes)).toEqual({ sha256: sha, isNew: false });
    expect(store.get(sha).equals(bytes)).toBe(true);
    // Many files, each whole under its hash in its two-character folder, no temporary file left behind.
    const many = Array.from({ length: 300 }, (_, i) => Buffer.from(`%PDF-1.7 document ${i}`));
    for (const file of many) expect(store.put(file).isNew).toBe(true);
    for (const file of many) {
      const hash = createHash('sha256').update(file).digest('hex');
      expect(readFileSync(join(store.folder, hash.slice(0, 2), hash)).equals(file)).toBe(true);
    }
    expect(readdirSync(store.folder).filter((name) => name.startsWith('.incoming-'))).toEqual([]);
    store.dispose();
    expect(existsSync(store.folder)).toBe(true);
  });

  it('refuses a stored file that no longer matches its hash', () => {
    const store = openAttachmentStore(':memory:');
    const { sha256 } = store.put(Buffer.from('original'));
    writeFileSync(join(store.folder, sha256.slice(0, 2), sha256), 'tampered');
    expect(() => store.get(sha256)).toThrow(/no longer matches its hash/);
    expect(() => store.put(Buffer.from('original'))).toThrow(/no longer matches/);
    store.dispose();
    expect(existsSync(store.folder)).toBe(false);
  });
});
