import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAppraisalCycle, TRating, TReview } from '@tierline/contracts';
import { api } from '../../../shared/api.ts';
import type { Page } from '../../../shared/types.ts';

export type { TAppraisalCycle, TReview };

export const reviewKeys = {
  all: ['reviews'] as const,
  cycles: () => ['appraisal-cycles', 'list'] as const,
  ofCycle: (cycleId: string) => [...reviewKeys.all, 'cycle', cycleId] as const,
};

/** Appraisal cycles, newest period first; an organisation has a few a year. */
export function useAppraisalCycles() {
  return useQuery({
    queryKey: reviewKeys.cycles(),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<TAppraisalCycle>>('/appraisal-cycles', { limit: 200 }, signal);
      return [...page.data].sort((a, b) => b.period.localeCompare(a.period) || b.createdAt.localeCompare(a.createdAt));
    },
    staleTime: 60_000,
  });
}

/**
 * Every review of a cycle the caller may see (a manager's team, a rep's own), all pages: the list shows a
 * status per rep, so it needs them all, and a cycle has at most two per rep.
 */
export function useCycleReviews(cycleId: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.ofCycle(cycleId ?? ''),
    enabled: Boolean(cycleId),
    queryFn: async ({ signal }) => {
      const all: TReview[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<TReview>>('/reviews', { cycleId, limit: 200, cursor }, signal);
        all.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

/**
 * Puts the review the server answered into the cycle's list at once, so the next save sends its new version
 * (and a second click on 保存 updates the review rather than creating another); then refreshes the list.
 */
function storeReview(queryClient: QueryClient, review: TReview) {
  queryClient.setQueryData<TReview[]>(reviewKeys.ofCycle(review.cycleId), (old) =>
    old ? [...old.filter((r) => r.id !== review.id), review] : [review],
  );
  return queryClient.invalidateQueries({ queryKey: reviewKeys.ofCycle(review.cycleId) });
}

export interface ReviewDraft {
  ratings: TRating[];
  comment: string | null;
}

/**
 * Saves a draft: creates the review the first time, then updates it with the version it was loaded at
 * (a concurrent save answers 409 instead of being overwritten). Answers the saved review.
 */
export function useSaveReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      review,
      create,
      draft,
    }: {
      review: TReview | null;
      create: { cycleId: string; repId: string; kind: TReview['kind'] };
      draft: ReviewDraft;
    }) =>
      review
        ? api.patch<TReview>(`/reviews/${review.id}`, { ...draft, version: review.version })
        : api.post<TReview>('/reviews', { ...create, ...draft }),
    onSuccess: (review) => storeReview(queryClient, review),
  });
}

/** Submits (the author) or locks (directors, admins) a review; either ends its editing. */
export function useReviewTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ review, action }: { review: TReview; action: 'submit' | 'lock' }) =>
      api.post<TReview>(`/reviews/${review.id}/${action}`, { version: review.version }),
    onSuccess: (review) => storeReview(queryClient, review),
    onError: (_error, { review }) => queryClient.invalidateQueries({ queryKey: reviewKeys.ofCycle(review.cycleId) }),
  });
}
