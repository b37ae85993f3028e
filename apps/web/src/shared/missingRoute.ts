import { isApiError } from './api.ts';

/**
 * The server has no such route (an older server, or a module not deployed yet): the UI hides
 * what would call it instead of showing a broken page. A record that is not found is a different answer.
 */
export function isMissingRoute(error: unknown): boolean {
  return isApiError(error, 404) && error.code === 'route_not_found';
}
