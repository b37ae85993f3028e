import { type TLeadCreate, ZLeadCreate, ZLeadOpenStatus } from '@tierline/contracts';
import { createLeadsBatch } from '../../leads/leads.batch.usecases.ts';
import { checkRecord, type Importer, issueCollector } from '../importer.ts';
import { lookupIn } from './common.ts';

const PROPERTY_FIELD: Record<string, string> = { ownerId: 'owner' };

/**
 * Leads (线索), upserted by externalId through the leads batch use case; the owner by email or name
 * (the importer when the file names none). Statuses from other CRMs ("Open - Not Contacted") are value-mapped.
 */
export const leadsImporter: Importer<TLeadCreate> = {
  entity: 'leads',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['线索编号', '线索ID', '外部编号', 'lead id', 'leadid', 'external id', 'id'],
    },
    {
      key: 'name',
      required: true,
      kind: 'text',
      aliases: ['姓名', '联系人', '联系人姓名', '名字', 'name', 'full name', 'lead name', 'contact name'],
    },
    {
      key: 'company',
      required: false,
      kind: 'text',
      aliases: ['公司', '公司名称', '单位', '企业名称', '客户名称', 'company', 'company name', 'account', 'organization'],
    },
    { key: 'title', required: false, kind: 'text', aliases: ['职务', '职位', '头衔', 'title', 'job title', 'position'] },
    {
      key: 'phone',
      required: false,
      kind: 'text',
      aliases: ['电话', '手机', '手机号', '联系电话', 'phone', 'mobile', 'mobile phone', 'telephone'],
    },
    { key: 'email', required: false, kind: 'email', aliases: ['邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'email address'] },
    { key: 'source', required: false, kind: 'text', aliases: ['来源', '线索来源', 'source', 'lead source'] },
    {
      key: 'region',
      required: false,
      kind: 'text',
      aliases: ['地区', '区域', '省份', '城市', 'region', 'state', 'province', 'state/province', 'country'],
    },
    { key: 'industry', required: false, kind: 'text', aliases: ['行业', '所属行业', 'industry'] },
    {
      key: 'status',
      required: false,
      kind: 'enum',
      options: [...ZLeadOpenStatus.options],
      aliases: ['状态', '线索状态', 'status', 'lead status'],
    },
    {
      key: 'owner',
      required: false,
      kind: 'lookup',
      lookup: 'user email or name',
      aliases: ['负责人', '销售', '所有人', '跟进人', 'owner', 'lead owner', 'sales rep', 'assigned to'],
    },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row], lookups) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('name', v.name);
    const ownerId = lookupIn(c)('owner', v.owner, lookups.user, 'active user with the email or name');
    if (c.issues.length) return { issues: c.issues };
    const record = {
      externalId: v.externalId,
      name: v.name,
      company: v.company,
      title: v.title,
      phone: v.phone,
      email: v.email,
      source: v.source,
      region: v.region,
      industry: v.industry,
      status: v.status,
      ownerId,
    };
    return checkRecord(ZLeadCreate, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records) {
    const r = await createLeadsBatch(ctx, records, { mode: 'upsert' });
    return { inserted: r.created, updated: r.updated };
  },
};
