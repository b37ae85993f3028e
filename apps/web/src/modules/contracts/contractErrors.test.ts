import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { contractErrorText } from './contractErrors.ts';

const t = ((key: string) => key) as unknown as TFunction;
const problem = (status: number, code: string, detail = 'server words') =>
  new ApiError({ type: 'about:blank', title: 'x', status, code, detail });

describe('contractErrorText', () => {
  it('says a contract rule in the module’s words', () => {
    expect(contractErrorText(problem(422, 'plan_mismatch'), t)).toBe('contracts.errors.plan_mismatch');
    expect(contractErrorText(problem(409, 'deal_has_contract'), t)).toBe('contracts.errors.deal_has_contract');
  });
  it('says an approval rule in the module’s words', () => {
    expect(contractErrorText(problem(409, 'already_decided'), t)).toBe('approvals.errors.already_decided');
  });
  it('leaves a stale version to the shared wording', () => {
    expect(contractErrorText(problem(409, 'stale_version'), t)).toBe('errors.conflict');
  });
  it('falls back to the server’s detail for codes it does not know', () => {
    expect(contractErrorText(problem(403, 'forbidden', 'You may not decide an approval you requested'), t)).toBe(
      'You may not decide an approval you requested',
    );
  });
});
