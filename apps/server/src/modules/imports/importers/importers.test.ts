import { IMPORT_ENTITIES, IMPORT_FIELDS } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { hasImporter, importerOf } from '../importers.ts';
import type { Lookups, StageRef } from '../imports.lookups.ts';
import { guessMapping, headerKey } from '../imports.mapping.ts';
import { activitiesImporter } from './activities.importer.ts';
import { dealsImporter, stageOf } from './deals.importer.ts';

const PIPELINE = '00000000-0000-7000-8000-000000000001';
const stage = (n: number, key: string, kind: StageRef['kind'], nameEn: string): StageRef => ({
  id: `00000000-0000-7000-8000-00000000001${n}`,
  pipelineId: PIPELINE,
  kind,
  names: [key, nameEn],
});
const STAGES = [stage(1, 'qualify', 'open', 'Qualify'), stage(2, 'signed', 'won', 'Signed'), stage(3, 'dropped', 'lost', 'Dropped')];
const USER = '00000000-0000-7000-8000-000000000021';

/** The reference tables of a small organisation: one pipeline (custom closing stages), one user. */
const lookups: Lookups = {
  timeZone: 'Asia/Shanghai',
  offsetOn: () => '+08:00',
  user: (text) => (text === 'Moses Frase' ? USER : undefined),
  team: () => undefined,
  tier: () => undefined,
  level: () => undefined,
  pipeline: (text) => (['short', '短期销售'].includes(text) ? PIPELINE : undefined),
  stage: (pipelineId, text) =>
    STAGES.find((s) => s.pipelineId === pipelineId && s.names.some((n) => n.toLowerCase() === text.toLowerCase())),
  stagesOf: (pipelineId) => STAGES.filter((s) => s.pipelineId === pipelineId),
};
const row = (values: Record<string, string | undefined>) => [{ row: 7, values }];

describe('the importers', () => {
  it('exist for every entity and fill exactly the fields the contract names', () => {
    for (const entity of IMPORT_ENTITIES) {
      expect(hasImporter(entity), entity).toBe(true);
      expect(
        importerOf(entity).fields.map((f) => f.key),
        entity,
      ).toEqual([...IMPORT_FIELDS[entity]]);
      for (const f of importerOf(entity).fields) if (f.kind === 'enum') expect(f.options?.length, `${entity}.${f.key}`).toBeGreaterThan(0);
    }
  });

  it('never offer one header to two fields of an entity', () => {
    for (const entity of IMPORT_ENTITIES) {
      const owner = new Map<string, string>();
      for (const f of importerOf(entity).fields)
        for (const name of [f.key, ...f.aliases]) {
          const key = headerKey(name);
          expect(owner.get(key) ?? f.key, `${entity}: "${name}" of ${f.key}`).toBe(f.key);
          owner.set(key, f.key);
        }
    }
  });

  it('map Maven’s sales_pipeline.csv by its own headers', () => {
    const columns = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
    expect(guessMapping(columns, dealsImporter.fields)).toEqual({
      externalId: { column: 'opportunity_id' },
      name: { column: 'product' },
      customer: { column: 'account' },
      stage: { column: 'deal_stage' },
      owner: { column: 'sales_agent' },
      amount: { column: 'close_value' },
      expectedCloseDate: { column: 'close_date' },
    });
  });
});

describe('deal rows', () => {
  it('find closing stages by the words other systems use, whatever the pipeline calls them', () => {
    expect(stageOf(lookups, PIPELINE, 'Closed Won')?.id).toBe(STAGES[1].id);
    expect(stageOf(lookups, PIPELINE, '输单')?.id).toBe(STAGES[2].id);
    expect(stageOf(lookups, PIPELINE, 'qualify')?.id).toBe(STAGES[0].id);
    expect(stageOf(lookups, PIPELINE, 'Engaging')).toBeUndefined();
  });

  it('close a won deal on its close date (local midnight), created then too; an open one keeps only its expected date', () => {
    const won = dealsImporter.toRecord(
      row({ name: 'GTX', stage: 'Won', expectedCloseDate: '2017-03-01', amount: '1,054' }),
      lookups,
      {},
      false,
    );
    expect(won).toEqual({
      record: expect.objectContaining({
        pipelineId: PIPELINE,
        stageId: STAGES[1].id,
        amount: '1054',
        createdAt: '2017-03-01T00:00:00+08:00',
        closedAt: '2017-03-01T00:00:00+08:00',
      }),
    });
    const open = dealsImporter.toRecord(
      row({ name: 'GTX', stage: 'Qualify', expectedCloseDate: '2026/4/1', probability: '60%' }),
      lookups,
      {},
      false,
    );
    expect('record' in open && open.record).toMatchObject({ expectedCloseDate: '2026-04-01', probability: 60 });
    expect('record' in open && open.record.closedAt).toBeUndefined();
  });

  it('name the field of what is wrong', () => {
    const bad = dealsImporter.toRecord(
      row({ name: 'X', stage: 'Won', owner: 'Nobody', lossReason: 'price', pipeline: 'enterprise', probability: '120' }),
      lookups,
      {},
      false,
    );
    expect('issues' in bad && bad.issues.map((i) => i.field)).toEqual(['pipeline', 'owner']);
    const wrongReason = dealsImporter.toRecord(
      row({ name: 'X', stage: 'Won', lossReason: 'price', probability: '120%' }),
      lookups,
      {},
      false,
    );
    expect('issues' in wrongReason && wrongReason.issues.map((i) => [i.field, i.message])).toEqual([
      ['lossReason', 'only a lost deal has a loss reason'],
    ]);
    const tooLikely = dealsImporter.toRecord(row({ name: 'X', stage: 'Qualify', probability: '120%' }), lookups, {}, false);
    expect('issues' in tooLikely && tooLikely.issues.map((i) => i.field)).toEqual(['probability']);
  });
});

describe('activity rows', () => {
  it('read local times in the organisation’s zone and name an activity by its notes when it has no subject', () => {
    const parsed = activitiesImporter.toRecord(
      row({ kind: 'call', customer: 'KH-1', occurredAt: '2026-01-04 10:30', notes: '客户有扩产计划\n下周报价', owner: 'Moses Frase' }),
      lookups,
      {},
      false,
    );
    expect(parsed).toEqual({
      record: expect.objectContaining({
        subject: '客户有扩产计划',
        occurredAt: '2026-01-04T10:30:00+08:00',
        ownerId: USER,
        customer: 'KH-1',
      }),
    });
    const bad = activitiesImporter.toRecord(row({ kind: 'phone', customer: 'KH-1', occurredAt: '2026-01-04' }), lookups, {}, false);
    expect('issues' in bad && bad.issues.map((i) => i.field)).toEqual(['kind']);
  });
});
