import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { serviceErrorText, serviceFieldErrors } from './serviceErrors.ts';

const t = ((key: string) => (key === 'common.listSeparator' ? ' | ' : key)) as unknown as TFunction;
const problem = (status: number, code: string, errors?: { path: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'x', status, code, detail: 'server words', errors });

describe('service request errors', () => {
  it('names the refused fields of an invalid request, whatever the path style', () => {
    const error = problem(422, 'invalid_service_request', [
      { path: 'customerId', message: 'no such customer that you may see' },
      { path: '/openedAt', message: 'is in the future' },
      { path: 'body.contactId', message: 'not a contact of this customer' },
    ]);
    expect(serviceFieldErrors(error)).toEqual(['customerId', 'contactId', 'openedAt']);
    expect(serviceErrorText(error, t)).toBe('service.errors.customerId | service.errors.contactId | service.errors.openedAt');
  });
  it('says a status race in the module’s words', () => {
    expect(serviceErrorText(problem(422, 'invalid_transition', [{ path: 'status', message: 'already answered' }]), t)).toBe(
      'service.errors.invalid_transition',
    );
  });
  it('leaves other failures to the shared wording', () => {
    expect(serviceFieldErrors(problem(422, 'validation_failed', [{ path: 'title', message: 'x' }]))).toEqual([]);
    expect(serviceErrorText(problem(409, 'stale_version'), t)).toBe('errors.conflict');
    expect(serviceErrorText(new Error('boom'), t)).toBe('errors.unknown');
  });
});
