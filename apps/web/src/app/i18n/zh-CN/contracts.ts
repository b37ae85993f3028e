/** 合同、回款计划、应收逾期、审批 (zh-CN). en/contracts.ts has the same keys. */
export const contractsZh = {};
