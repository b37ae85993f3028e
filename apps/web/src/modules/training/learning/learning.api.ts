import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCertification, TCourse, TEnrolment, TQuizAttempt } from '@tierline/contracts';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';
import type { TCourseWrite } from './courseForm.ts';
import type { LearnerQuestion } from './quizAnswers.ts';

export interface CourseListQuery {
  category?: TCourse['category'];
  q?: string;
  includeInactive?: boolean;
}

export interface LearnerQuiz {
  questions: LearnerQuestion[];
  passScore: number;
  attemptsAllowed: number | null;
}

export const learningKeys = {
  courses: ['training', 'courses'] as const,
  courseList: (q: CourseListQuery) => [...learningKeys.courses, 'list', q] as const,
  course: (id: string) => [...learningKeys.courses, 'detail', id] as const,
  enrolments: ['training', 'enrolments'] as const,
  myEnrolments: (repId: string) => [...learningKeys.enrolments, 'mine', repId] as const,
  enrolment: (id: string) => [...learningKeys.enrolments, 'detail', id] as const,
  quiz: (enrolmentId: string) => [...learningKeys.enrolments, 'quiz', enrolmentId] as const,
  certifications: ['training', 'certifications'] as const,
  myCertifications: (repId: string) => [...learningKeys.certifications, 'mine', repId] as const,
};

/** Every page of a cursor list: the catalogue and one rep's learning are tens of rows, shown (and sorted) whole. */
async function allPages<T>(path: string, query: Record<string, string | number | boolean | undefined>, signal?: AbortSignal) {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { ...query, limit: 200, cursor }, signal);
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function useCourses(q: CourseListQuery) {
  return useQuery({
    queryKey: learningKeys.courseList(q),
    queryFn: ({ signal }) =>
      allPages<TCourse>('/courses', { category: q.category, q: q.q, includeInactive: q.includeInactive || undefined }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.course(id ?? ''),
    queryFn: ({ signal }) => api.get<TCourse>(`/courses/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 404,
  });
}

function useCourseSaved() {
  const queryClient = useQueryClient();
  return (course: TCourse) => {
    queryClient.setQueryData(learningKeys.course(course.id), course);
    return queryClient.invalidateQueries({ queryKey: learningKeys.courses });
  };
}

export function useCreateCourse() {
  const saved = useCourseSaved();
  return useMutation({
    mutationFn: (body: TCourseWrite) => api.post<TCourse>('/courses', body),
    onSuccess: saved,
  });
}

/** Sends the version the course was loaded at: a concurrent edit answers 409 rather than being overwritten. */
export function useUpdateCourse() {
  const saved = useCourseSaved();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: TCourseWrite }) =>
      api.put<TCourse>(`/courses/${id}`, { ...body, version }),
    onSuccess: saved,
  });
}

/** The signed-in rep's own enrolments (named by repId: a manager's list would otherwise hold their teams'). */
export function useMyEnrolments(repId: string) {
  return useQuery({
    queryKey: learningKeys.myEnrolments(repId),
    queryFn: ({ signal }) => allPages<TEnrolment>('/enrolments', { repId }, signal),
  });
}

export function useEnrolment(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.enrolment(id ?? ''),
    queryFn: ({ signal }) => api.get<TEnrolment>(`/enrolments/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 404,
  });
}

export function useMyCertifications(repId: string) {
  return useQuery({
    queryKey: learningKeys.myCertifications(repId),
    queryFn: ({ signal }) => allPages<TCertification>('/certifications', { repId }, signal),
  });
}

/** The quiz without its answer key; fetched when the learner opens it. */
export function useEnrolmentQuiz(enrolmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: learningKeys.quiz(enrolmentId),
    queryFn: ({ signal }) => api.get<LearnerQuiz>(`/enrolments/${enrolmentId}/quiz`, undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** An enrolment changed: store the server's copy (its new version) at once, then refresh lists that show it. */
function useEnrolmentChanged() {
  const queryClient = useQueryClient();
  return (enrolment: TEnrolment) => {
    queryClient.setQueryData(learningKeys.enrolment(enrolment.id), enrolment);
    queryClient.setQueryData<TEnrolment[]>(learningKeys.myEnrolments(enrolment.repId), (old) =>
      old?.map((e) => (e.id === enrolment.id ? enrolment : e)),
    );
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: learningKeys.enrolments }),
      // Completing may grant a certification.
      queryClient.invalidateQueries({ queryKey: learningKeys.certifications }),
    ]);
  };
}

/** Start (assigned → in progress) or move the learner's own progress. */
export function useSetProgress() {
  const changed = useEnrolmentChanged();
  return useMutation({
    mutationFn: ({ enrolment, progress }: { enrolment: TEnrolment; progress: number }) =>
      api.patch<TEnrolment>(`/enrolments/${enrolment.id}/progress`, { progress, version: enrolment.version }),
    onSuccess: changed,
  });
}

/** Mark complete: courses without a quiz only (one with a quiz is completed by passing it). */
export function useCompleteEnrolment() {
  const changed = useEnrolmentChanged();
  return useMutation({
    mutationFn: (enrolment: TEnrolment) => api.post<TEnrolment>(`/enrolments/${enrolment.id}/complete`, { version: enrolment.version }),
    onSuccess: changed,
  });
}

export function useSubmitAttempt() {
  const changed = useEnrolmentChanged();
  return useMutation({
    mutationFn: ({ enrolmentId, answers }: { enrolmentId: string; answers: { questionId: string; optionIds: string[] }[] }) =>
      api.post<TQuizAttempt>(`/enrolments/${enrolmentId}/attempts`, { answers }),
    onSuccess: (attempt) => changed(attempt.enrolment),
  });
}
