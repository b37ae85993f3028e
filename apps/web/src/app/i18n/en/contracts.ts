import type { contractsZh } from '../zh-CN/contracts.ts';
import type { Messages } from '../zh-CN.ts';

/** Contracts (en). */
export const contractsEn: Messages<typeof contractsZh> = {};
