import { describe, expect, it } from 'vitest';
import { defaultSurvivor, mergePreview, mergeRefusal, mergeRequest } from './mergePlan.ts';

const lead = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  version: 3,
  status: 'new' as const,
  deletedAt: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  company: null,
  title: null,
  email: null,
  phone: null,
  source: null,
  region: null,
  industry: null,
  ...fields,
});

describe('mergePreview', () => {
  it('keeps what the kept lead has and fills only what it lacks', () => {
    const kept = lead('k', { email: 'wang@acme.cn', company: '  ', phone: '138' });
    const gone = lead('g', { email: 'other@acme.cn', company: '鞍钢', source: '展会' });
    const byField = Object.fromEntries(mergePreview(kept, gone).map((f) => [f.field, [f.value, f.from]]));
    expect(byField).toEqual({
      company: ['鞍钢', 'gone'], // blank text counts as missing
      title: [null, null],
      email: ['wang@acme.cn', 'kept'],
      phone: ['138', 'kept'],
      source: ['展会', 'gone'],
      region: [null, null],
      industry: [null, null],
    });
  });
});

describe('mergeRefusal', () => {
  it.each([
    [{}, {}, null],
    [{}, { status: 'converted' }, 'goneClosed'],
    [{}, { status: 'merged' }, 'goneClosed'],
    [{}, { deletedAt: '2025-01-01T00:00:00Z' }, 'goneDeleted'],
    [{ status: 'merged' }, {}, 'keptMerged'],
    [{ deletedAt: '2025-01-01T00:00:00Z' }, {}, 'keptDeleted'],
    // a converted lead may survive: it only gains the fields it lacks
    [{ status: 'converted' }, {}, null],
  ])('keep %o, gone %o → %s', (keep, gone, reason) => {
    expect(mergeRefusal(lead('k', keep), lead('g', gone))).toBe(reason);
  });
});

describe('defaultSurvivor', () => {
  it('proposes the older lead when either may stay (the newer one is the duplicate)', () => {
    const older = '2025-01-01T00:00:00.000Z';
    expect(defaultSurvivor(lead('a'), lead('b', { createdAt: older }))).toBe('b');
    expect(defaultSurvivor(lead('a', { createdAt: older }), lead('b'))).toBe('a');
  });
  it('settles a tie by the time-ordered id', () => {
    expect(defaultSurvivor(lead('0191-b'), lead('0191-a'))).toBe('0191-a');
  });
  it('proposes the other lead when only it may stay (it was converted), even if newer', () => {
    expect(defaultSurvivor(lead('a', { createdAt: '2024-01-01T00:00:00Z' }), lead('b', { status: 'converted' }))).toBe('b');
  });
  it('a deleted lead can neither go nor stay', () => {
    expect(defaultSurvivor(lead('a'), lead('b', { deletedAt: '2025-01-01T00:00:00Z' }))).toBeNull();
  });
  it('proposes the current lead when only it may stay (it was converted), even if newer', () => {
    expect(defaultSurvivor(lead('a', { status: 'converted' }), lead('b', { createdAt: '2024-01-01T00:00:00Z' }))).toBe('a');
  });
  it('proposes nothing when neither may go', () => {
    expect(defaultSurvivor(lead('a', { status: 'converted' }), lead('b', { status: 'merged' }))).toBeNull();
  });
});

describe('mergeRequest', () => {
  it('merges the other lead into the survivor, with the version of the one that goes', () => {
    const a = { ...lead('a'), version: 1 };
    const b = { ...lead('b'), version: 7 };
    expect(mergeRequest(a, b, 'a')).toEqual({ goneId: 'b', version: 7, intoId: 'a' });
    expect(mergeRequest(a, b, 'b')).toEqual({ goneId: 'a', version: 1, intoId: 'b' });
  });
});
