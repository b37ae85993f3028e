import { describe, expect, it } from 'vitest';
import { parseRecordRef } from './recordRef.ts';

const ID = '0197a3b2-1c2d-7e8f-9a0b-1c2d3e4f5a6b';

describe('parseRecordRef', () => {
  it.each([
    [`https://crm.example.com/customers/${ID}`, { entity: 'customer', id: ID }],
    [`/deals/${ID}?tab=lines`, { entity: 'deal', id: ID }],
    [`http://localhost:3000/leads/${ID.toUpperCase()}`, { entity: 'lead', id: ID }],
    [`  ${ID} `, { id: ID }],
    [`/contracts/${ID}`, { id: ID }],
  ])('reads %s', (text, expected) => {
    expect(parseRecordRef(text)).toEqual(expected);
  });

  it('is null for a name (the picker searches for it instead)', () => {
    expect(parseRecordRef('苏州恒远')).toBeNull();
    expect(parseRecordRef('0197a3b2')).toBeNull();
  });
});
