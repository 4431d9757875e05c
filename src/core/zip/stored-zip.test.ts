import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, readStoredZip, writeStoredZip } from './stored-zip';

/** Whether a command exists on this machine, to check the archive with an independent reader. */
function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the stored ZIP writer', () => {
  it('computes the CRC-32 of ZIP entries (the check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes entries with UTF-8 names that read back byte for byte', () => {
    const entries = [
      { name: 'UM-2022-000001-certificate-of-enrolment-i6100000.pdf', bytes: Buffer.from('%PDF-1.7 one') },
      { name: 'Łukasz Dvořák.txt', bytes: Buffer.from('Ελένη, Дмитрий') },
      { name: 'empty', bytes: new Uint8Array() },
    ];
    const zip = writeStoredZip(entries, new Date('2022-09-05T09:00:00Z'));
    const read = readStoredZip(zip);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((e, i) =>
      expect(Buffer.from(e.bytes).equals(Buffer.from(entries[i]?.bytes ?? []))).toBe(true),
    );
    expect(() => writeStoredZip([entries[0], entries[0]], new Date())).toThrow(/twice/);
  });

  it.runIf(hasCommand('python3'))(
    'writes archives another ZIP reader accepts (Python zipfile testzip)',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'desk-zip-'));
      try {
        const file = join(folder, 'batch.zip');
        writeFileSync(
          file,
          writeStoredZip(
            [
              { name: 'a.pdf', bytes: Buffer.alloc(5000, 7) },
              { name: 'Zoë.csv', bytes: Buffer.from('x,y\r\n') },
            ],
            new Date('2022-09-05T09:00:00Z'),
          ),
        );
        const listing = execFileSync(
          'python3',
          [
            '-c',
            'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("|".join(f"{i.filename}:{i.file_size}:{i.date_time[0]}" for i in z.infolist()))',
            file,
          ],
          { encoding: 'utf8' },
        ).trim();
        expect(listing).toBe('a.pdf:5000:2022|Zoë.csv:5:2022');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
