import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** Query keys of the catalogue, so that a change refreshes every view of it. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  summary: ['catalogue', 'summary'] as const,
  programmes: ['catalogue', 'programmes'] as const,
  orphans: ['catalogue', 'orphans'] as const,
  courses: (input: CallInput<'catalogue:listCourses'>) => ['catalogue', 'courses', input] as const,
};

/** Counts for the overview. */
export function useCatalogueSummary() {
  return useQuery({ queryKey: catalogueKeys.summary, queryFn: () => unwrap(desk.catalogue.summary({})) });
}

/** Every programme with its course count. */
export function useProgrammes() {
  return useQuery({
    queryKey: catalogueKeys.programmes,
    queryFn: () => unwrap(desk.catalogue.listProgrammes({})),
    staleTime: 60_000,
  });
}

/** The courses without programme. */
export function useOrphanCourses() {
  return useQuery({
    queryKey: catalogueKeys.orphans,
    queryFn: () => unwrap(desk.catalogue.listOrphanCourses({})),
  });
}

/** One page of courses. */
export function useCourses(input: CallInput<'catalogue:listCourses'>) {
  return useQuery({
    queryKey: catalogueKeys.courses(input),
    queryFn: () => unwrap(desk.catalogue.listCourses(input)),
    placeholderData: keepPreviousData,
  });
}

/** Links courses to programmes and refreshes the catalogue; linked courses leave the orphan list at once. */
export function useLinkCourses() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'catalogue:linkCourses'>) => unwrap(desk.catalogue.linkCourses(input)),
    onSuccess: (_result, input) => {
      const linked = new Set(input.courseIds);
      queryClient.setQueryData(catalogueKeys.orphans, (rows: { id: number }[] | undefined) =>
        rows?.filter((row) => !linked.has(row.id)),
      );
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Removes one course–programme link. */
export function useUnlinkCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'catalogue:unlinkCourse'>) => unwrap(desk.catalogue.unlinkCourse(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Saves a course edit against the version read. */
export function useUpdateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'catalogue:updateCourse'>) => unwrap(desk.catalogue.updateCourse(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
