import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** The IRO's overview of exchange students, filtered by semester and home university. */
export function useExchangeOverview(filter: { semester: string | null; homeUniversity: string | null }) {
  return useQuery({
    queryKey: ['exchange', 'overview', filter.semester, filter.homeUniversity],
    queryFn: () =>
      unwrap(
        desk.exchange.overview({
          ...(filter.semester ? { semester: filter.semester } : {}),
          ...(filter.homeUniversity ? { homeUniversity: filter.homeUniversity } : {}),
        }),
      ),
  });
}

/** Every home university of the exchange students, for the filter. */
export function useHomeUniversities() {
  return useQuery({
    queryKey: ['exchange', 'overview', 'all'],
    queryFn: () => unwrap(desk.exchange.overview({})),
    select: (data) => [...new Set(data.items.map((i) => i.homeUniversity))].sort(),
  });
}

/** A student's exchange file; idle while no student is open. */
export function useExchangeFile(studentId: number | null) {
  return useQuery({
    queryKey: ['exchange', 'file', studentId],
    queryFn: () => unwrap(desk.exchange.file({ studentId: studentId ?? 0 })),
    enabled: studentId !== null,
  });
}

/** The courses of a period for the course picker; idle until a period is chosen. */
export function useExchangeCourses(period: number | null, search: string) {
  return useQuery({
    queryKey: ['exchange', 'courses', period, search],
    queryFn: () => unwrap(desk.exchange.courses({ period: period ?? 1, search, limit: 50 })),
    enabled: period !== null,
    staleTime: 60_000,
  });
}

/** Refreshes the overview, the open file and the audit trail after a change. */
function useExchangeChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['exchange'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Registers a course (refused with the rule of the exchange guide). */
export function useRegisterExchangeCourse() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:registerCourse'>) => unwrap(desk.exchange.registerCourse(input)),
    onSuccess: changed,
  });
}

/** Drops a course (the only course of a period is refused). */
export function useDropExchangeCourse() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:dropCourse'>) => unwrap(desk.exchange.dropCourse(input)),
    onSuccess: changed,
  });
}

/** Records the result of a sitting. */
export function useRecordExchangeResult() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:recordResult'>) => unwrap(desk.exchange.recordResult(input)),
    onSuccess: changed,
  });
}

/** Registers for a re-sit on the student's request. */
export function useRegisterResit() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:registerResit'>) => unwrap(desk.exchange.registerResit(input)),
    onSuccess: changed,
  });
}

/** Deregisters from a re-sit. */
export function useDeregisterResit() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:deregisterResit'>) =>
      unwrap(desk.exchange.deregisterResit(input)),
    onSuccess: changed,
  });
}

/** Checks (dry run) or decides a request to extend the stay. */
export function useDecideExtension() {
  const changed = useExchangeChanged();
  return useMutation({
    mutationFn: (input: CallInput<'exchange:decideExtension'>) =>
      unwrap(desk.exchange.decideExtension(input)),
    onSuccess: (_data, input) => {
      if (!input.dryRun) changed();
    },
  });
}
