import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { StaffMember } from '../../../shared/api/session.contract';
import { desk, unwrap } from './desk-client';
import { onSessionEnded } from './query-client';

interface SessionState {
  readonly isLoading: boolean;
  readonly needsSetup: boolean;
  readonly staff: StaffMember | null;
  /** Re-reads who is signed in (after sign-in, set-up or sign-out). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides who is signed in to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['session'],
    queryFn: () => unwrap(desk.session.status({})),
    staleTime: Infinity,
  });
  const refresh = useCallback(async () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);
  const signOut = useCallback(async () => {
    await desk.session.signOut({});
    await refresh();
  }, [refresh]);
  useEffect(() => onSessionEnded(() => void refresh()), [refresh]);
  const value = useMemo<SessionState>(
    () => ({
      isLoading: status.isLoading,
      needsSetup: status.data?.needsSetup ?? false,
      staff: status.data?.staff ?? null,
      refresh,
      signOut,
    }),
    [status.isLoading, status.data, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in session. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}
