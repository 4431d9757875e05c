import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folders that may hold the repository's `resources/` folder, nearest first.
 *
 * src/core runs unbundled from `src/core/...` (tests, CLI, web bridge through tsx) and bundled from
 * `out/main/index.js` (Electron, also inside app.asar when packaged), so no fixed relative path fits
 * all: the folders above this module are searched instead. A packager that copies `resources/` next to
 * the app (electron-builder `extraResources`) puts it under Electron's `process.resourcesPath`.
 */
function resourceFolderCandidates(): string[] {
  const candidates: string[] = [];
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(join(folder, 'resources'));
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  // Set by Electron only; src/core must not import electron, so read it off the process object.
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  if (electronResources) candidates.push(join(electronResources, 'resources'), electronResources);
  return candidates;
}

const found = new Map<string, string>();

/**
 * The absolute path of a runtime asset under `resources/`, e.g. `resourceFilePath('fonts/DejaVuSans.ttf')`.
 *
 * Throws an Error naming the folders searched when the file is missing, which means a broken build
 * rather than anything staff can fix.
 */
export function resourceFilePath(relativePath: string): string {
  const cached = found.get(relativePath);
  if (cached) return cached;
  const candidates = resourceFolderCandidates();
  for (const folder of candidates) {
    const path = resolve(folder, relativePath);
    if (existsSync(path)) {
      found.set(relativePath, path);
      return path;
    }
  }
  throw new Error(
    `The resource file "${relativePath}" is missing; looked in: ${candidates.join(', ')}. Reinstall the application.`,
  );
}
