import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCourse,
  TCurriculum,
  TSkill,
  TSkillsMatrix,
  TTeamCompliance,
  TUser,
  ZEnrolmentCreate,
  ZEnrolmentCreateResult,
  ZSkillWrite,
} from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../../shared/api.ts';
import type { Infer, Page } from '../../../shared/types.ts';
import type { CurriculumDraft } from './curriculumDraft.ts';
import type { SkillCell } from './skillHeat.ts';

export type TEnrolmentCreate = Infer<typeof ZEnrolmentCreate>;
export type TEnrolmentCreateResult = Infer<typeof ZEnrolmentCreateResult>;
export type TSkillWrite = Infer<typeof ZSkillWrite>;

export const trainingTeamKeys = {
  all: ['training'] as const,
  compliance: (teamId?: string) => [...trainingTeamKeys.all, 'compliance', teamId ?? null] as const,
  courseOptions: (includeInactive: boolean) => [...trainingTeamKeys.all, 'course-options', includeInactive] as const,
  skills: () => [...trainingTeamKeys.all, 'skills'] as const,
  matrix: (teamId?: string) => [...trainingTeamKeys.all, 'skills-matrix', teamId ?? null] as const,
  curricula: () => [...trainingTeamKeys.all, 'curricula'] as const,
  reps: () => [...trainingTeamKeys.all, 'rep-options'] as const,
};

/** Per rep in scope: their level's required courses and everything assigned to them, with where they stand. */
export function useTeamCompliance(teamId: string | undefined) {
  return useQuery({
    queryKey: trainingTeamKeys.compliance(teamId),
    queryFn: ({ signal }) => api.get<TTeamCompliance>('/training-compliance', { teamId }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The catalogue for pickers; an organisation has tens of courses, one page of 200 covers them. */
export function useCourseOptions(includeInactive = false) {
  const query = useQuery({
    queryKey: trainingTeamKeys.courseOptions(includeInactive),
    queryFn: ({ signal }) =>
      api.get<Page<TCourse>>('/courses', { limit: 200, includeInactive: includeInactive ? 'true' : undefined }, signal),
    staleTime: 60_000,
  });
  const courses = query.data?.data ?? [];
  const byId = useMemo(() => new Map(courses.map((course) => [course.id, course])), [courses]);
  return { ...query, courses, byId };
}

/** Active reps to assign a course to (the server still refuses those outside the caller's teams). */
export function useRepOptions(enabled: boolean) {
  return useQuery({
    queryKey: trainingTeamKeys.reps(),
    queryFn: ({ signal }) => api.get<Page<TUser>>('/users', { role: 'rep', active: 'true', limit: 200, sort: 'name' }, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Assigns a course; the compliance grid and everyone's enrolment lists change with it. */
export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEnrolmentCreate) => api.post<TEnrolmentCreateResult>('/enrolments', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'compliance'] }),
        queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'enrolments'] }),
      ]),
  });
}

// ── Skills ──────────────────────────────────────────────────────────────────────────────────────────────────

export function useSkills() {
  return useQuery({
    queryKey: trainingTeamKeys.skills(),
    queryFn: ({ signal }) => api.get<{ data: TSkill[] }>('/skills', undefined, signal),
    staleTime: 60_000,
  });
}

function useSkillsChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trainingTeamKeys.skills() }),
      queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'skills-matrix'] }),
    ]);
}

export function useCreateSkill() {
  const changed = useSkillsChanged();
  return useMutation({ mutationFn: (body: TSkillWrite) => api.post<TSkill>('/skills', body), onSuccess: changed });
}

/** Sends the version the form was loaded with: a concurrent edit answers 409 rather than being overwritten. */
export function useUpdateSkill() {
  const changed = useSkillsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TSkillWrite & { id: string; version: number }) => api.put<TSkill>(`/skills/${id}`, body),
    onSuccess: changed,
  });
}

export function useDeleteSkill() {
  const changed = useSkillsChanged();
  return useMutation({
    mutationFn: (skill: TSkill) => api.delete(`/skills/${skill.id}`, { version: skill.version }),
    onSuccess: changed,
  });
}

/** Reps in scope × skills, each cell self- and manager-assessed. */
export function useSkillsMatrix(teamId: string | undefined) {
  return useQuery({
    queryKey: trainingTeamKeys.matrix(teamId),
    queryFn: ({ signal }) => api.get<TSkillsMatrix>('/skills-matrix', { teamId }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface AssessInput {
  repId: string;
  skillId: string;
  body: { self?: number | null; manager?: number | null; version?: number };
}

/** Sets one half of a cell (an upsert); development plans judge skill goals by the manager's level, so they follow. */
export function useAssessSkill() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ repId, skillId, body }: AssessInput) => api.put<SkillCell>(`/skills-matrix/${repId}/${skillId}`, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'skills-matrix'] }),
        queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'plans'] }),
      ]),
  });
}

// ── Curricula ───────────────────────────────────────────────────────────────────────────────────────────────

export function useCurricula() {
  return useQuery({
    queryKey: trainingTeamKeys.curricula(),
    queryFn: ({ signal }) => api.get<{ data: TCurriculum[] }>('/curricula', undefined, signal),
  });
}

/** Replaces one level's two lists; compliance (required courses) and level evaluations (promotion checks) follow. */
export function useReplaceCurriculum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ levelId, ...body }: CurriculumDraft & { levelId: string }) => api.put<TCurriculum>(`/curricula/${levelId}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingTeamKeys.curricula() }),
        queryClient.invalidateQueries({ queryKey: [...trainingTeamKeys.all, 'compliance'] }),
        queryClient.invalidateQueries({ queryKey: ['levels', 'evaluations'] }),
      ]),
  });
}
