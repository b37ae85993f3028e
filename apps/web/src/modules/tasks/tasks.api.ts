import { type QueryClient, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TActivity, TDeal, TOverdueTasks, TTask, TTaskCompletionActivity, TTaskCreate, TTaskUpdate, TUser } from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.ts';
import { PAGE_SIZE, useCursorList } from '../../shared/list.ts';
import type { Page } from '../../shared/types.ts';
import { customerKeys } from '../customers/customers.api.ts';
import { dealKeys } from '../deals/deals.api.ts';
import { tierKeys } from '../tiers/tiers.api.ts';
import type { Range } from './taskDates.ts';

export type TTaskPriority = TTask['priority'];
export type TTaskSource = TTask['source'];
export type TContactKind = NonNullable<TTask['activityKind']>;
export type TOutcome = NonNullable<TTaskCompletionActivity['outcome']>;
export const PRIORITIES: TTaskPriority[] = ['low', 'normal', 'high', 'urgent'];
export const CONTACT_KINDS: TContactKind[] = ['call', 'email', 'visit', 'meeting', 'note'];
export const OUTCOMES: TOutcome[] = ['reached', 'no_answer', 'interested', 'not_interested', 'follow_up', 'done'];
export const PRIORITY_COLORS: Record<TTaskPriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
export const SOURCE_COLORS: Record<TTaskSource, string> = { manual: 'default', cadence: 'purple', plan: 'cyan' };

/** Whose tasks a view shows: mine, or everyone's in my data scope (a manager's teams, the org for directors). */
export type TaskScope = 'mine' | 'team';

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  overdue: (assigneeId: string) => [...taskKeys.lists(), 'overdue', assigneeId] as const,
  window: (assigneeId: string, range: Range) => [...taskKeys.lists(), 'window', assigneeId, range] as const,
  range: (assigneeId: string | undefined, range: Range) => [...taskKeys.lists(), 'range', assigneeId ?? 'team', range] as const,
  teamOverdue: (assigneeId: string | undefined) => [...taskKeys.lists(), 'team-overdue', assigneeId ?? 'all'] as const,
  visits: (ownerId: string | undefined, range: Range) => [...taskKeys.all, 'visits', ownerId ?? 'team', range] as const,
  dealSearch: (q: string) => [...taskKeys.all, 'deal-search', q] as const,
};

/** A calendar range rarely holds more; past this the view says it shows the first ones. */
export const RANGE_CAP = 1000;

/** Every page of a list up to a cap, for views that group by day and cannot page (the calendar). */
async function fetchAll<T>(path: string, query: Record<string, string | undefined>, signal: AbortSignal) {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { ...query, limit: 200, cursor }, signal);
    rows.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < RANGE_CAP);
  return { rows, truncated: Boolean(cursor) };
}

/** My open overdue tasks, the oldest first, a page at a time. */
export function useMyOverdueTasks(me: string) {
  return useCursorList<TTask>(taskKeys.overdue(me), '/tasks', { assigneeId: me, status: 'open', overdue: 'true', sort: 'dueAt' });
}

/** My open tasks not yet due within a range (today and the next days of "my day"). */
export function useMyTaskWindow(me: string, range: Range) {
  return useQuery({
    queryKey: taskKeys.window(me, range),
    queryFn: ({ signal }) =>
      fetchAll<TTask>('/tasks', { assigneeId: me, status: 'open', overdue: 'false', dueFrom: range.from, dueTo: range.to }, signal),
  });
}

/** Tasks due within a range, mine (assigneeId) or all I may see, any status, for the calendar. */
export function useTasksInRange(assigneeId: string | undefined, range: Range) {
  return useQuery({
    queryKey: taskKeys.range(assigneeId, range),
    queryFn: ({ signal }) => fetchAll<TTask>('/tasks', { assigneeId, dueFrom: range.from, dueTo: range.to }, signal),
    placeholderData: (previous) => previous,
  });
}

/** Visits that took place within a range, by one rep or by everyone I may see. */
export function useVisits(ownerId: string | undefined, range: Range) {
  return useQuery({
    queryKey: taskKeys.visits(ownerId, range),
    queryFn: ({ signal }) => fetchAll<TActivity>('/activities', { kind: 'visit', ownerId, from: range.from, to: range.to }, signal),
    placeholderData: (previous) => previous,
  });
}

/**
 * The team's overdue tasks (managers: their teams; directors and admins: the organisation) with the
 * counts per rep and per team, which come with the first page; optionally one rep's tasks only.
 */
export function useTeamOverdue(assigneeId: string | undefined, enabled: boolean) {
  const query = useInfiniteQuery({
    queryKey: taskKeys.teamOverdue(assigneeId),
    queryFn: ({ pageParam, signal }) =>
      api.get<TOverdueTasks>('/tasks/overdue', { scope: 'team', assigneeId, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  return { ...query, rows, counts: query.data?.pages[0] };
}

/** Deals by id, for the names of tasks' deals; shares the deal page's cache. */
export function useDealsById(ids: ReadonlyArray<string | null | undefined>): Map<string, TDeal> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: dealKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TDeal>(`/deals/${id}`, undefined, signal),
      staleTime: 60_000,
    })),
    combine: toDealMap,
  });
}

function toDealMap(results: ReadonlyArray<{ data?: TDeal }>): Map<string, TDeal> {
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
}

/** Open deals matching what was typed, for the task and enrollment pickers. */
export function useDealSearch(q: string, customerId?: string | null) {
  return useQuery({
    queryKey: [...taskKeys.dealSearch(q), customerId ?? null],
    queryFn: ({ signal }) =>
      api.get<Page<TDeal>>('/deals', { q: q || undefined, customerId: customerId ?? undefined, status: 'open', limit: 20 }, signal),
    placeholderData: (previous) => previous,
  });
}

/**
 * A task changed: every task list may hold it. A logged activity is a contact: it moves its customer's
 * last contact (the customer's page, lists and tier compliance) and shows on the timelines, which the
 * activities module caches under ['activities'].
 */
function refreshAfterTaskChange(queryClient: QueryClient, task?: TTask, loggedActivity = false) {
  const refresh = (queryKey: readonly unknown[]) => queryClient.invalidateQueries({ queryKey });
  const jobs = [refresh(taskKeys.all)];
  if (loggedActivity) {
    jobs.push(refresh(['activities']), refresh(customerKeys.lists()));
    if (task?.customerId) jobs.push(refresh(customerKeys.detail(task.customerId)), refresh(tierKeys.compliance(task.customerId)));
  }
  return Promise.all(jobs);
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TTaskCreate) => api.post<TTask>('/tasks', input),
    onSuccess: (task) => refreshAfterTaskChange(queryClient, task),
  });
}

/**
 * Changes a task; sends the version it was read at, so a change made meanwhile is refused (409), not
 * overwritten. Lists refresh either way: after a refusal the next try starts from the current version.
 */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TTaskUpdate & { id: string; version: number }) => api.patch<TTask>(`/tasks/${id}`, body),
    onSettled: (task) => refreshAfterTaskChange(queryClient, task),
  });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, activity }: { task: TTask; activity?: TTaskCompletionActivity }) =>
      api.post<TTask>(`/tasks/${task.id}/complete`, { version: task.version, activity }),
    onSettled: (task, error, { activity }) => refreshAfterTaskChange(queryClient, task, Boolean(activity) && !error),
  });
}

/**
 * The active members of some teams, for the assignee picker of a manager (who gives tasks within their
 * teams). One page of 200 per team covers a sales team.
 */
export function useTeamMembers(teamIds: readonly string[]) {
  return useQueries({
    queries: [...new Set(teamIds)].sort().map((teamId) => ({
      queryKey: ['users', 'list', 'team-members', teamId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<TUser>>('/users', { teamId, active: 'true', sort: 'name', limit: 200 }, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => ({
      members: [...new Map(results.flatMap((r) => r.data?.data ?? []).map((u) => [u.id, u])).values()].filter((u) => u.role !== 'viewer'),
      isPending: results.some((r) => r.isPending),
    }),
  });
}
