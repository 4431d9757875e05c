import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { StaffMember } from '../../../shared/api/session.contract';
import { desk, unwrap } from './desk-client';
import { onSessionEnded } from './query-client';

interface SessionState {
  readonly isLoading: boolean;
  readonly needsSetup: boolean;
  readonly staff: StaffMember | null;
  /** True when the desk runs as of another day than the real one (DESK_TODAY, for training). */
  readonly isSimulatedToday: boolean;
  /** The desk's day now (ISO), the default for dates the UI asks for; follows the desk's clock. */
  today(): string;
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
    queryFn: async () => {
      const answer = await unwrap(desk.session.status({}));
      // The desk's day may differ from this machine's (DESK_TODAY): keep the difference, not the day,
      // so "today" still turns over at midnight.
      return { ...answer, dayOffset: Date.parse(answer.today) - Date.parse(isoDay(Date.now())) };
    },
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
  const value = useMemo<SessionState>(() => {
    const offset = status.data?.dayOffset ?? 0;
    return {
      isLoading: status.isLoading,
      needsSetup: status.data?.needsSetup ?? false,
      staff: status.data?.staff ?? null,
      isSimulatedToday: status.data?.isSimulatedToday ?? false,
      today: () => isoDay(Date.now() + offset),
      refresh,
      signOut,
    };
  }, [status.isLoading, status.data, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The signed-in session. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}

/** The desk's day now, as an ISO date: the default for every date field. */
export function useToday(): () => string {
  return useSession().today;
}
