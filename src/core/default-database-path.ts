import { homedir } from 'node:os';
import { join } from 'node:path';

/** The application's folder name, as Electron derives it from package.json's name. */
export const appFolderName = 'student-affairs-desk';

/** The database file name inside the app's data folder. */
export const databaseFileName = 'student-affairs-desk.sqlite';

/**
 * The database the desktop app uses: the same file Electron's `app.getPath('userData')` points to,
 * so that `npm run web` and `npm run desk` work on the same data as `npm start`.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env['DESK_DB']) return env['DESK_DB'];
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env['APPDATA'] ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env['XDG_CONFIG_HOME'] ?? join(home, '.config'));
  return join(base, appFolderName, databaseFileName);
}
