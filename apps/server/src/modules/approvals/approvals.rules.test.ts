import { describe, expect, it } from 'vitest';
import {
  amountCovered,
  contractAmountExcess,
  decisionRefusal,
  discountExcesses,
  pickApprover,
  uncoveredDiscounts,
} from './approvals.rules.ts';

const line = (productCode: string, discountPct?: number | string) => ({ productCode, discountPct });

describe('discountExcesses: a line needs approval when its discount is above the tier’s cap', () => {
  it.each([
    ['below the cap', [line('A', 10)], '15.00', []],
    ['exactly at the cap', [line('A', 15)], '15.00', []],
    ['a cent above the cap', [line('A', 15.01)], '15.00', [{ index: 0, productCode: 'A', discountPct: '15.01', cap: '15.00' }]],
    ['no discount given', [line('A')], '0.00', []],
    ['no cap at all', [line('A', 90)], null, []],
    [
      'only the lines above, by index',
      [line('A', 5), line('B', 25), line('C', '20.5')],
      '20',
      [
        { index: 1, productCode: 'B', discountPct: '25.00', cap: '20.00' },
        { index: 2, productCode: 'C', discountPct: '20.50', cap: '20.00' },
      ],
    ],
  ] as const)('%s', (_, lines, cap, expected) => {
    expect(discountExcesses([...lines], cap)).toEqual(expected);
  });
});

describe('uncoveredDiscounts: an approved discount covers the same product at or below it', () => {
  const excess = { index: 0, productCode: 'A', discountPct: '25.00', cap: '20.00' };
  it.each([
    ['nothing approved', [], [excess]],
    ['approved exactly that', [{ productCode: 'A', discountPct: '25.00' }], []],
    ['approved more', [{ productCode: 'A', discountPct: '30.00' }], []],
    ['approved less', [{ productCode: 'A', discountPct: '24.99' }], [excess]],
    ['approved for another product', [{ productCode: 'B', discountPct: '50.00' }], [excess]],
    [
      'one of several grants is enough',
      [
        { productCode: 'A', discountPct: '10.00' },
        { productCode: 'A', discountPct: '25' },
      ],
      [],
    ],
  ] as const)('%s', (_, granted, expected) => {
    expect(uncoveredDiscounts([excess], [...granted])).toEqual(expected);
  });
});

describe('contractAmountExcess: a contract above the owner’s level limit needs approval', () => {
  it.each([
    ['100000.00', '100000.00', null],
    ['100000.01', '100000.00', { amount: '100000.01', limit: '100000.00' }],
    ['99999.99', '100000', null],
    ['5000000', null, null], // no limit for the level
    ['1', '0', { amount: '1.00', limit: '0.00' }],
  ] as const)('amount %s, limit %s → %j', (amount, limit, expected) => {
    expect(contractAmountExcess(amount, limit)).toEqual(expected);
  });

  it.each([
    [['500000.00'], '500000', true],
    [['499999.99'], '500000', false],
    [['100', '600000'], '500000', true],
    [[], '1', false],
  ] as const)('approved %j covers %s: %s', (approved, amount, covered) => {
    expect(amountCovered([...approved], amount)).toBe(covered);
  });
});

describe('pickApprover: the team manager, else a director, else an admin — never oneself while someone else can', () => {
  const base = { requesterId: 'rep', teamManagerId: 'mgr', directorIds: ['dir1', 'dir2'], adminIds: ['adm'] };
  it.each([
    ['the rep’s team manager', base, { approverId: 'mgr', basis: 'team_manager' }],
    ['no manager: the first director', { ...base, teamManagerId: null }, { approverId: 'dir1', basis: 'director' }],
    ['the manager asks: a director', { ...base, requesterId: 'mgr' }, { approverId: 'dir1', basis: 'director' }],
    ['a director asks: another director', { ...base, teamManagerId: null, requesterId: 'dir1' }, { approverId: 'dir2', basis: 'director' }],
    ['no manager, no director: an admin', { ...base, teamManagerId: null, directorIds: [] }, { approverId: 'adm', basis: 'admin' }],
    [
      'the only admin asks and nobody else exists: it falls to them',
      { requesterId: 'adm', teamManagerId: null, directorIds: [], adminIds: ['adm'] },
      { approverId: 'adm', basis: 'requester' },
    ],
  ] as const)('%s', (_, candidates, expected) => {
    expect(pickApprover({ ...candidates, directorIds: [...candidates.directorIds], adminIds: [...candidates.adminIds] })).toEqual(expected);
  });
});

describe('decisionRefusal: the approver, or a director or admin, decides — not the requester', () => {
  const approval = { requestedBy: 'rep', approverId: 'mgr' };
  it.each([
    ['the approver', { userId: 'mgr', role: 'manager' }, approval, null],
    ['a director', { userId: 'dir', role: 'director' }, approval, null],
    ['an admin', { userId: 'adm', role: 'admin' }, approval, null],
    ['another manager', { userId: 'mgr2', role: 'manager' }, approval, 'not_visible'],
    ['the requesting rep', { userId: 'rep', role: 'rep' }, approval, 'not_allowed'],
    ['a director on their own request', { userId: 'dir', role: 'director' }, { requestedBy: 'dir', approverId: 'adm' }, 'own_request'],
    ['the requester it fell to', { userId: 'adm', role: 'admin' }, { requestedBy: 'adm', approverId: 'adm' }, null],
  ] as const)('%s', (_, who, a, expected) => {
    expect(decisionRefusal(who, a)).toBe(expected);
  });
});
