import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { type ProcessType, pipelines, type StageGate, stages } from './pipelines.table.ts';

type StageSeed = { key: string; nameZh: string; nameEn: string; probability: number; kind: 'open' | 'won' | 'lost'; gate?: StageGate };

const closing: StageSeed[] = [
  { key: 'won', nameZh: '赢单', nameEn: 'Won', probability: 100, kind: 'won', gate: { requiredFields: ['amount'] } },
  { key: 'lost', nameZh: '输单', nameEn: 'Lost', probability: 0, kind: 'lost' },
];

/**
 * The three built-in pipelines. Gates encode each process's discipline: a long cycle needs its
 * buying committee (an economic buyer before Proposal), a project its milestones before Contract.
 */
export const DEFAULT_PIPELINES: { processType: ProcessType; nameZh: string; nameEn: string; stages: StageSeed[] }[] = [
  {
    processType: 'short',
    nameZh: '短期销售',
    nameEn: 'Short-cycle sales',
    stages: [
      { key: 'qualify', nameZh: '确认需求', nameEn: 'Qualify', probability: 20, kind: 'open' },
      { key: 'quote', nameZh: '报价', nameEn: 'Quote', probability: 50, kind: 'open', gate: { requiredFields: ['amount'] } },
      {
        key: 'negotiate',
        nameZh: '谈判',
        nameEn: 'Negotiate',
        probability: 75,
        kind: 'open',
        gate: { requiredFields: ['amount', 'expectedCloseDate'] },
      },
      ...closing,
    ],
  },
  {
    processType: 'long',
    nameZh: '长期销售',
    nameEn: 'Long-cycle sales',
    stages: [
      { key: 'discovery', nameZh: '初步接触', nameEn: 'Discovery', probability: 10, kind: 'open' },
      {
        key: 'qualification',
        nameZh: '需求确认',
        nameEn: 'Qualification',
        probability: 20,
        kind: 'open',
        gate: { requiredFields: ['customerId'] },
      },
      {
        key: 'solution',
        nameZh: '方案设计',
        nameEn: 'Solution',
        probability: 40,
        kind: 'open',
        gate: { requiredContactRoles: ['decision_maker'] },
      },
      {
        key: 'proposal',
        nameZh: '提交方案',
        nameEn: 'Proposal',
        probability: 60,
        kind: 'open',
        gate: { requiredFields: ['amount'], requiredContactRoles: ['economic_buyer'] },
      },
      {
        key: 'negotiation',
        nameZh: '商务谈判',
        nameEn: 'Negotiation',
        probability: 80,
        kind: 'open',
        gate: { requiredFields: ['amount', 'expectedCloseDate'] },
      },
      ...closing,
    ],
  },
  {
    processType: 'project',
    nameZh: '项目型销售',
    nameEn: 'Project sales',
    stages: [
      { key: 'initiation', nameZh: '立项', nameEn: 'Initiation', probability: 10, kind: 'open' },
      {
        key: 'requirements',
        nameZh: '需求调研',
        nameEn: 'Requirements',
        probability: 25,
        kind: 'open',
        gate: { requiredFields: ['customerId'] },
      },
      {
        key: 'solution',
        nameZh: '方案设计',
        nameEn: 'Solution design',
        probability: 45,
        kind: 'open',
        gate: { requiredContactRoles: ['decision_maker'] },
      },
      {
        key: 'proposal',
        nameZh: '投标/报价',
        nameEn: 'Bid / proposal',
        probability: 65,
        kind: 'open',
        gate: { requiredFields: ['amount'], requiredContactRoles: ['economic_buyer'] },
      },
      {
        key: 'contract',
        nameZh: '合同谈判',
        nameEn: 'Contract',
        probability: 85,
        kind: 'open',
        gate: { requiredFields: ['amount', 'expectedCloseDate'], requiredMilestones: ['*'] },
      },
      ...closing,
    ],
  },
];

export async function insertDefaultPipelines(tx: DbOrTx, orgId: string) {
  for (const p of DEFAULT_PIPELINES) {
    const pipelineId = newId();
    await tx.insert(pipelines).values({ orgId, id: pipelineId, processType: p.processType, nameZh: p.nameZh, nameEn: p.nameEn });
    await tx.insert(stages).values(p.stages.map((s, position) => ({ orgId, id: newId(), pipelineId, position, ...s, gate: s.gate ?? {} })));
  }
}
