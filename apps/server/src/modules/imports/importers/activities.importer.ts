import { ZActivityCreate, ZActivityKind, ZActivityOutcome } from '@tierline/contracts';
import { z } from 'zod';
import { createActivitiesBatch } from '../../activities/activities.batch.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDateTime, parseInteger } from '../importer.ts';
import { lookupIn } from './common.ts';
import { customerIdsOf } from './customerRefs.ts';

// The create contract's own field rules (its refinement wants a customerId or leadId, which an import
// names by text and resolves when the batch is written).
const { kind, subject, notes, outcome, occurredAt, durationMinutes, location, ownerId } = ZActivityCreate.shape;
const ZActivityImport = z.object({
  externalId: z.string().trim().min(1).max(100).optional(),
  kind,
  subject,
  notes,
  outcome,
  occurredAt,
  durationMinutes,
  location,
  ownerId,
  customer: z.string().trim().min(1).max(200),
});
type ActivityImport = z.output<typeof ZActivityImport>;

const PROPERTY_FIELD: Record<string, string> = { ownerId: 'owner', customerId: 'customer', checkInAt: 'occurredAt' };

/** Without a subject column, the first words of the notes (or the kind) name the activity. */
const subjectOf = (subject: string | undefined, notes: string | undefined, kind: string | undefined) =>
  subject ?? (notes ? notes.split(/\r?\n/)[0].slice(0, 60) : kind);

/**
 * Activities (跟进记录): calls, emails, visits, meetings and notes on customers, upserted by externalId
 * through the activities batch use case. Kinds and outcomes from other CRMs ("电话", "Call") are
 * value-mapped; the owner is the importer unless the file names one; nothing may lie in the future.
 */
export const activitiesImporter: Importer<ActivityImport> = {
  entity: 'activities',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['活动编号', '跟进记录编号', '记录编号', '外部编号', 'activity id', 'external id', 'id'],
    },
    {
      key: 'kind',
      required: true,
      kind: 'enum',
      options: [...ZActivityKind.options],
      aliases: ['类型', '活动类型', '跟进方式', '跟进类型', 'type', 'activity type', 'kind', 'task subtype'],
    },
    { key: 'subject', required: false, kind: 'text', aliases: ['主题', '标题', '跟进主题', 'subject', 'title'] },
    {
      key: 'notes',
      required: false,
      kind: 'text',
      aliases: ['备注', '内容', '跟进内容', '说明', '描述', 'notes', 'note', 'comments', 'description'],
    },
    {
      key: 'outcome',
      required: false,
      kind: 'enum',
      options: [...ZActivityOutcome.options],
      aliases: ['结果', '跟进结果', 'outcome', 'result', 'call result'],
    },
    {
      key: 'occurredAt',
      required: true,
      kind: 'datetime',
      aliases: [
        '时间',
        '日期',
        '跟进时间',
        '发生时间',
        '活动时间',
        '活动日期',
        'occurred at',
        'date',
        'activity date',
        'start',
        'start date',
      ],
    },
    {
      key: 'durationMinutes',
      required: false,
      kind: 'number',
      aliases: ['时长', '时长分钟', '通话时长', 'duration', 'duration minutes', 'minutes'],
    },
    {
      key: 'customer',
      required: true,
      kind: 'lookup',
      lookup: 'customer externalId or exact name',
      aliases: ['客户', '客户名称', '客户编号', '所属客户', '公司名称', 'customer', 'customer name', 'account', 'account name', 'company'],
    },
    {
      key: 'owner',
      required: false,
      kind: 'lookup',
      lookup: 'user email or name',
      aliases: ['负责人', '跟进人', '销售', '所有人', 'owner', 'assigned to', 'activity owner', 'sales rep'],
    },
    { key: 'location', required: false, kind: 'text', aliases: ['地点', '拜访地点', '地址', 'location', 'address'] },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row], lookups) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('kind', v.kind);
    c.need('customer', v.customer);
    const at = c.take('occurredAt', c.need('occurredAt', v.occurredAt), (t) => parseDateTime(t, lookups.offsetOn));
    const minutes = c.take('durationMinutes', v.durationMinutes, parseInteger);
    const owner = lookupIn(c)('owner', v.owner, lookups.user, 'active user with the email or name');
    if (c.issues.length) return { issues: c.issues };
    const record = {
      externalId: v.externalId,
      kind: v.kind,
      subject: subjectOf(v.subject, v.notes, v.kind),
      notes: v.notes,
      outcome: v.outcome,
      occurredAt: at,
      durationMinutes: minutes,
      location: v.location,
      ownerId: owner,
      customer: v.customer,
    };
    return checkRecord(ZActivityImport, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records, options) {
    const customerIds = await customerIdsOf(
      ctx,
      records.map((r) => r.customer),
      options.createMissingCustomers,
    );
    const r = await createActivitiesBatch(
      ctx,
      records.map(({ customer: _c, ...activity }, i) => ({ ...activity, customerId: customerIds[i] as string })),
      { mode: 'upsert' },
    );
    return { inserted: r.created, updated: r.updated };
  },
};
