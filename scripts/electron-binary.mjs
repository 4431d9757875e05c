/// <reference types="node" />
// Where the Electron binary is, found the way node_modules/electron/index.js and electron-vite
// find it, but without ever starting a download: `require('electron')` would run install.js.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The one line `npm start` prints when there is no Electron binary. */
export const electronUnavailableMessage =
  'Electron could not be fetched on this machine, so the desktop window cannot open here; run "npm run web" to use the same app in your browser.';

/**
 * The folder of the installed `electron` package, or null when it is not installed.
 *
 * @param {string} [fromUrl] the module URL to resolve from; this file's by default
 * @returns {string | null}
 */
export function electronPackageDir(fromUrl = import.meta.url) {
  try {
    return dirname(createRequire(fromUrl).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The path of the Electron executable when it is present on disk, else null.
 *
 * Follows electron's index.js: `path.txt` names the executable inside `dist/`, and
 * ELECTRON_OVERRIDE_DIST_PATH replaces that folder; electron-vite also honours ELECTRON_EXEC_PATH.
 *
 * @param {{ electronDir: string | null, env?: Record<string, string | undefined>, fileExists?: (path: string) => boolean, readText?: (path: string) => string }} options
 * @returns {string | null}
 */
export function findElectronBinary({
  electronDir,
  env = process.env,
  fileExists = existsSync,
  readText = (path) => readFileSync(path, 'utf8'),
}) {
  const execPath = env['ELECTRON_EXEC_PATH'];
  if (execPath) return fileExists(execPath) ? execPath : null;
  if (electronDir === null) return null;
  const pathFile = join(electronDir, 'path.txt');
  const executable = fileExists(pathFile) ? readText(pathFile).trim() : '';
  const overrideDist = env['ELECTRON_OVERRIDE_DIST_PATH'];
  let candidate = null;
  if (overrideDist) candidate = join(overrideDist, executable || 'electron');
  else if (executable) candidate = join(electronDir, 'dist', executable);
  return candidate !== null && fileExists(candidate) ? candidate : null;
}
