import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** The shape of scripts/electron-binary.mjs, plain JavaScript that this TypeScript config does not check. */
interface ElectronBinaryModule {
  electronUnavailableMessage: string;
  electronPackageDir(fromUrl?: string): string | null;
  findElectronBinary(options: {
    electronDir: string | null;
    env?: Record<string, string | undefined>;
  }): string | null;
}

const electronBinaryModule: string = './electron-binary.mjs';
const { electronPackageDir, electronUnavailableMessage, findElectronBinary } = (await import(
  electronBinaryModule
)) as ElectronBinaryModule;

let electronDir: string;

beforeEach(() => {
  electronDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
});
afterEach(() => rmSync(electronDir, { recursive: true, force: true }));

/** Lays out the electron package as its install.js leaves it after a successful download. */
function installBinary(executable = 'electron'): string {
  writeFileSync(join(electronDir, 'path.txt'), executable);
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  const binary = join(electronDir, 'dist', executable);
  writeFileSync(binary, '');
  return binary;
}

describe('findElectronBinary', () => {
  it('finds nothing, and downloads nothing, when install.js never wrote path.txt', () => {
    expect(findElectronBinary({ electronDir, env: {} })).toBeNull();
  });

  it('finds nothing when path.txt names a binary that is not in dist/', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary({ electronDir, env: {} })).toBeNull();
  });

  it('finds the binary path.txt names inside dist/', () => {
    const binary = installBinary();
    expect(findElectronBinary({ electronDir, env: {} })).toBe(binary);
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', () => {
    installBinary();
    const override = join(electronDir, 'override');
    expect(findElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toBeNull();
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toBe(
      join(override, 'electron'),
    );
  });

  it('honours ELECTRON_EXEC_PATH, as electron-vite does, when that file exists', () => {
    const binary = installBinary();
    expect(findElectronBinary({ electronDir: null, env: { ELECTRON_EXEC_PATH: binary } })).toBe(binary);
    expect(
      findElectronBinary({ electronDir, env: { ELECTRON_EXEC_PATH: join(electronDir, 'missing') } }),
    ).toBeNull();
  });

  it('finds nothing when the electron package itself is missing', () => {
    expect(findElectronBinary({ electronDir: null, env: {} })).toBeNull();
  });

  it('locates the installed electron package without loading it', () => {
    expect(electronPackageDir()).toMatch(/node_modules[/\\]electron$/);
    expect(electronPackageDir('file:///nowhere/at/all.mjs')).toBeNull();
  });
});

describe('npm start without the Electron binary', () => {
  it('prints exactly the one explaining line and exits with 1', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, 'start.mjs')], {
      env: { ...process.env, ELECTRON_EXEC_PATH: join(electronDir, 'no-electron-here') },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${electronUnavailableMessage}\n`);
    expect(electronUnavailableMessage).toBe(
      'Electron could not be fetched on this machine, so the desktop window cannot open here; run "npm run web" to use the same app in your browser.',
    );
  });
});
