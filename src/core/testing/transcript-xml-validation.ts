import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the offline schemas and validate.sh live: the copy in the repository's `standards/` (so that a
 * clean checkout validates), or TRANSCRIPT_XML_STANDARDS.
 */
const standardsDir =
  process.env['TRANSCRIPT_XML_STANDARDS'] ??
  fileURLToPath(new URL('../../../standards/transcript-xml/', import.meta.url));

/**
 * Validates a transcript XML document with xmllint through the standards' validate.sh ('elmo' or
 * 'ewp-tors'). Throws with a clear message when xmllint or the schemas are missing, so that a test
 * never passes without validating; returns xmllint's output, which names each error.
 */
export function validateTranscriptXml(
  kind: 'elmo' | 'ewp-tors',
  xml: string,
): { ok: boolean; output: string } {
  const script = join(standardsDir, 'validate.sh');
  if (!existsSync(script))
    throw new Error(`The transcript XML schemas are missing: no ${script} (set TRANSCRIPT_XML_STANDARDS).`);
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'xmllint is missing: install libxml2-utils (apt-get install -y libxml2-utils) to validate transcript XML.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'transcript-xml-'));
  try {
    const file = join(dir, `${kind}.xml`);
    writeFileSync(file, xml);
    const run = spawnSync('sh', [script, kind, file], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
