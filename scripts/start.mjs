/// <reference types="node" />
// `npm start`: build with electron-vite and open the desktop window, when Electron is on this machine.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { electronPackageDir, electronUnavailableMessage, findElectronBinary } from './electron-binary.mjs';

const projectRoot = join(import.meta.dirname, '..');
const forwardedSignals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

const electronBinary = findElectronBinary({ electronDir: electronPackageDir() });
if (electronBinary === null) {
  console.error(electronUnavailableMessage);
  process.exit(1);
}

/** The local electron-vite command, not whatever is on PATH. */
const electronVite = join(
  projectRoot,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
);

/**
 * Runs electron-vite with the terminal attached, passing Ctrl+C and termination on to it.
 *
 * @param {string[]} args
 * @param {string} electronPath
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
function runElectronVite(args, electronPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(electronVite, args, {
      cwd: projectRoot,
      stdio: 'inherit',
      // electron-vite starts this binary instead of resolving (and maybe downloading) its own.
      env: { ...process.env, ELECTRON_EXEC_PATH: electronPath },
      shell: process.platform === 'win32',
    });
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => child.kill(signal);
    for (const signal of forwardedSignals) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of forwardedSignals) process.off(signal, forward);
    };
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve({ code, signal });
    });
  });
}

/**
 * Ends this process as electron-vite ended: its exit code, or 128 + the signal number, as a shell reports it.
 *
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} result
 * @returns {never}
 */
function exitLike(result) {
  if (result.signal !== null) process.exit(128 + constants.signals[result.signal]);
  process.exit(result.code ?? 1);
}

try {
  const build = await runElectronVite(['build'], electronBinary);
  if (build.signal !== null || build.code !== 0) exitLike(build);
  exitLike(await runElectronVite(['preview', '--skipBuild'], electronBinary));
} catch (error) {
  console.error(`Could not run electron-vite: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
