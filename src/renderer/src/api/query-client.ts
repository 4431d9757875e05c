import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { DeskCallError } from './desk-client';

/** Listeners told when any call finds the session ended, so the app can show the sign-in screen. */
const sessionEndedListeners = new Set<() => void>();

/** Subscribes to "the session has ended"; returns the unsubscribe function. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function noticeSessionEnd(error: unknown): void {
  if (error instanceof DeskCallError && error.shape.kind === 'unauthenticated')
    sessionEndedListeners.forEach((listener) => listener());
}

/** The one query client: results are cached briefly and refreshed when a mutation invalidates them. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noticeSessionEnd }),
  mutationCache: new MutationCache({ onError: noticeSessionEnd }),
  defaultOptions: {
    queries: { staleTime: 10_000, retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
