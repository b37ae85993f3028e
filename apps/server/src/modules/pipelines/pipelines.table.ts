import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';

export const PROCESS_TYPES = ['short', 'long', 'project'] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

/** One pipeline per sales-process type: 短期销售, 长期销售, 项目型销售. */
export const pipelines = pgTable(
  'pipelines',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    processType: text('process_type', { enum: PROCESS_TYPES }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.processType)],
);

/** What a deal must have before it may enter a stage. */
export type StageGate = {
  requiredFields?: ('amount' | 'expectedCloseDate' | 'customerId' | 'lines' | 'contacts')[];
  requiredContactRoles?: ('decision_maker' | 'economic_buyer' | 'influencer' | 'user' | 'gatekeeper')[];
  /** Names of milestones that must be done; `*` means every milestone of the deal. */
  requiredMilestones?: string[];
};

export const stages = pgTable(
  'stages',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind', { enum: ['open', 'won', 'lost'] }).notNull(),
    gate: jsonb('gate').$type<StageGate>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.pipelineId, t.key),
    foreignKey({ columns: [t.orgId, t.pipelineId], foreignColumns: [pipelines.orgId, pipelines.id] }).onDelete('cascade'),
    index().on(t.orgId, t.pipelineId, t.position),
  ],
);
