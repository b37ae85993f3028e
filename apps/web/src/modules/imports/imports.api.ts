import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TImport,
  TImportEntity,
  TImportError,
  TImportField,
  TImportMapping,
  TImportMode,
  TImportPreview,
  TImportStatus,
  TProblem,
} from '@tierline/contracts';
import { ApiError, api, buildUrl } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import { useSession } from '../auth/auth.api.ts';
import { buildImportForm, buildPreviewForm, type ImportRequest, isFinished, previewPart } from './mapping.ts';

export type { TImport, TImportEntity, TImportError, TImportField, TImportMapping, TImportMode, TImportPreview, TImportStatus };

export const STATUS_COLORS: Record<TImportStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export type ImportFilters = { entity?: TImportEntity; status?: TImportStatus };

const importKeys = {
  all: ['imports'] as const,
  list: (filters: ImportFilters) => [...importKeys.all, 'list', filters] as const,
  one: (id: string) => [...importKeys.all, 'one', id] as const,
};

/** While an import runs, its status is asked for every second. */
const POLL_MS = 1_000;

/** Where the full error file of an import is downloaded (the session cookie authorises the GET). */
export const errorsCsvUrl = (id: string) => buildUrl(`/imports/${id}/errors.csv`);

// ---------------------------------------------------------------------------------------------------------------
// Multipart posts. shared/api.ts sends JSON bodies only; this mirrors its CSRF header and its problem+json errors
// for a FormData body (the browser sets the multipart content type with its boundary).

async function readProblem(response: Response): Promise<TProblem> {
  const fallback: TProblem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: 'http_error',
  };
  try {
    const body = (await response.json()) as Partial<TProblem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

export async function postForm<T>(path: string, form: FormData, csrfToken: string | null): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(await readProblem(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The session's CSRF token, which the server checks on every POST made with the session cookie. */
function useCsrfToken(): string | null {
  return useSession().data?.csrfToken ?? null;
}

// ---------------------------------------------------------------------------------------------------------------

/** Past imports, newest first; refreshed while one of them is still queued or running. */
export function useImports(filters: ImportFilters) {
  return useCursorList<TImport>(importKeys.list(filters), '/imports', { ...filters });
}

/** One import, polled every second until it has succeeded or failed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<TImport>(`/imports/${id}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
  });
}

/** Reads the file's columns and a sample, and the server's guess of the mapping. */
export function usePreview() {
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: async ({ entity, file }: { entity: TImportEntity; file: File }) =>
      postForm<TImportPreview>('/imports/preview', buildPreviewForm(entity, await previewPart(file), file.name), csrfToken),
  });
}

/** Uploads the file and queues the import; answers its id. */
export function useStartImport() {
  const csrfToken = useCsrfToken();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) => postForm<{ id: string }>('/imports', buildImportForm(request), csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...importKeys.all, 'list'] }),
  });
}

/** Refreshes the list once an import the wizard follows has finished. */
export function useRefreshImports() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...importKeys.all, 'list'] });
}
