import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, protocol } from 'electron';
import { databaseFileName } from '../core/default-database-path';
import { createDesk, type Desk } from '../core/desk';
import { DeskError } from '../shared/errors';
import { listenForDeskCalls } from './ipc';
import { appSchemePrivileges, serveRendererOverAppScheme } from './protocol';
import { createMainWindow, trustedRendererOrigins } from './window';

// The Electron shell (DESIGN.md §1): thin; every decision is made in src/core behind desk.invoke.

const builtPreload = join(import.meta.dirname, '../preload/index.cjs');
const builtRenderer = join(import.meta.dirname, '../renderer');

let desk: Desk | null = null;
let mainWindow: BrowserWindow | null = null;

/** The database file: DESK_DB when set, else the app's data folder, the same file `npm run web` uses. */
function databaseFile(): string {
  return process.env['DESK_DB'] || join(app.getPath('userData'), databaseFileName);
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath: builtPreload });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  serveRendererOverAppScheme(protocol, builtRenderer);
  const file = databaseFile();
  try {
    mkdirSync(dirname(file), { recursive: true });
    desk = await createDesk({ databaseFile: file });
  } catch (error) {
    // A database from a newer version of the app, or one that cannot be opened: say so and stop.
    const message =
      error instanceof DeskError
        ? error.message
        : `The database at ${file} could not be opened: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof DeskError)) console.error(error);
    dialog.showErrorBox('Student Affairs Desk cannot open its database', message);
    app.quit();
    return;
  }
  listenForDeskCalls(desk, { trustedOrigins: trustedRendererOrigins() });
  openMainWindow();
}

// Privileged schemes must be registered before `ready`.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  // Two copies would open the same database file: hand over to the one already running.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // macOS keeps an app running without windows until the user quits it.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (desk !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('will-quit', (event) => {
    if (desk === null) return;
    // Close the database cleanly (WAL checkpoint) before the process ends.
    event.preventDefault();
    const closing = desk;
    desk = null;
    closing
      .close()
      .catch((error: unknown) => console.error('Could not close the database cleanly:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      dialog.showErrorBox(
        'Student Affairs Desk could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.quit();
    });
}
