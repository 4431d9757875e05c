import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/api';
import { desk, unwrap } from '../../api/desk-client';

/** Students whose number or names start with the words typed (students:search); nothing for an empty query. */
export function useStudentSearch(query: string, limit = 50) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['students', 'search', trimmed, limit],
    queryFn: () => unwrap(desk.students.search({ query: trimmed, limit })),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** A student's file: names, contact and profile with its version. */
export function useStudentFile(studentId: number) {
  return useQuery({
    queryKey: ['students', 'student-file', studentId],
    queryFn: () => unwrap(desk.students.file({ studentId })),
  });
}

/** Changes a student's file; the file, search results and audit trail are read again afterwards. */
export function useUpdateStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'students:update'>) => unwrap(desk.students.update(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Adds a student. */
export function useCreateStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'students:create'>) => unwrap(desk.students.create(input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['students'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
