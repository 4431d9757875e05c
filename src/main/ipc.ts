import { ipcMain as electronIpcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { allCalls } from '../shared/api';
import type { Envelope } from '../shared/errors';
import type { Desk } from '../core/desk';
import { originOf } from './protocol';

/** What IPC needs of the desk: the one `invoke` that parses input and enforces roles itself. */
export type DeskInvoker = Pick<Desk, 'invoke'>;

/** What registration needs of Electron's `ipcMain`; a fake in tests. */
export type IpcMainRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Options for the IPC adapter. */
export interface DeskIpcOptions {
  /** The origins whose main frame may call the desk: `app://desk`, plus the dev server's in `electron-vite dev`. */
  readonly trustedOrigins: readonly string[];
}

/** The answer to a call from a frame that is not the app's own page. */
export const untrustedSenderEnvelope: Envelope<never> = {
  ok: false,
  error: {
    kind: 'forbidden',
    message: 'This request did not come from the Student Affairs Desk window, so it was refused.',
  },
};

/** The calls whose successful answer carries a new session token. */
const signInCalls: ReadonlySet<string> = new Set(['session:signIn', 'session:createAdministrator']);
const signOutCall = 'session:signOut';

/** Whether a frame is the main frame of a page served from one of the trusted origins (GitHub Desktop's `safeListener`). */
export function isTrustedSenderFrame(
  frame: { readonly url: string; readonly parent: object | null } | null,
  trustedOrigins: readonly string[],
): boolean {
  if (frame === null || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.some((trusted) => originOf(trusted) === origin);
}

function tokenFromSignIn(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('token' in value)) return null;
  return typeof value.token === 'string' ? value.token : null;
}

/**
 * Registers one `ipcMain.handle` per contract call; the only place the app handles IPC (STYLE.md 2).
 *
 * Each handler refuses a sender that is not the main frame of a trusted origin without reaching the
 * desk, then calls `desk.invoke` with the session token kept here per webContents: the renderer
 * never holds it. Input parsing and the role check happen in `desk.invoke`, not here.
 * Returns a function that removes the handlers again.
 */
export function registerDeskIpc(
  ipcMain: IpcMainRegistrar,
  desk: DeskInvoker,
  options: DeskIpcOptions,
): () => void {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  function forgetWhenDestroyed(sender: IpcMainInvokeEvent['sender']): void {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    const id = sender.id;
    sender.once('destroyed', () => {
      tokens.delete(id);
      watched.delete(id);
    });
  }

  for (const call of allCalls) {
    ipcMain.handle(
      call.name,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
        if (!isTrustedSenderFrame(event.senderFrame, options.trustedOrigins)) return untrustedSenderEnvelope;
        const senderId = event.sender.id;
        forgetWhenDestroyed(event.sender);
        const envelope = await desk.invoke(tokens.get(senderId) ?? null, call.name, input);
        if (signInCalls.has(call.name) && envelope.ok) {
          const token = tokenFromSignIn(envelope.value);
          if (token !== null) tokens.set(senderId, token);
        }
        // Signing out always leaves this window signed out, even when the session had already ended.
        if (call.name === signOutCall) tokens.delete(senderId);
        return envelope;
      },
    );
  }
  return () => {
    for (const call of allCalls) ipcMain.removeHandler(call.name);
    tokens.clear();
  };
}

/** Registers the desk on Electron's own `ipcMain`; what the main process calls after `ready`. */
export function listenForDeskCalls(desk: DeskInvoker, options: DeskIpcOptions): () => void {
  return registerDeskIpc(electronIpcMain, desk, options);
}
