import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, setCsrfToken } from './api.ts';

describe('buildUrl', () => {
  it('prefixes /api/v1 and leaves out empty query values', () => {
    expect(buildUrl('/users', { q: 'wang', role: undefined, teamId: '', limit: 50, cursor: null })).toBe('/api/v1/users?q=wang&limit=50');
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  function stubFetch(response: Response) {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => response);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends the CSRF token on unsafe methods only, with the session cookie', async () => {
    setCsrfToken('csrf-1');
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await apiRequest('POST', '/auth/logout');
    await apiRequest('GET', '/auth/me').catch(() => undefined);
    const [post, get] = fetchMock.mock.calls.map(([, init]) => init);
    expect(post?.credentials).toBe('same-origin');
    const headersOf = (init?: RequestInit) => (init?.headers ?? {}) as Record<string, string>;
    expect(headersOf(post)['x-csrf-token']).toBe('csrf-1');
    expect(headersOf(get)['x-csrf-token']).toBeUndefined();
  });

  it('throws an ApiError carrying the problem details and Retry-After', async () => {
    const problem = { type: 'urn:tierline:problem:too_many_requests', title: 'Too many', status: 429, code: 'too_many_requests' };
    stubFetch(
      new Response(JSON.stringify(problem), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '120' },
      }),
    );
    const error = await apiRequest('POST', '/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('too_many_requests');
    expect((error as ApiError).retryAfter).toBe(120);
  });

  it('reports a request that got no answer as status 0 (network error)', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await apiRequest('GET', '/users').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(0);
  });
});
