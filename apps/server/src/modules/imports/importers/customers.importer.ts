import { type TCustomerCreate, ZCustomerCreate } from '@tierline/contracts';
import { createCustomers } from '../../customers/customers.create.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseList } from '../importer.ts';
import { lookupIn } from './common.ts';

const PROPERTY_FIELD: Record<string, string> = { tierId: 'tier', ownerId: 'owner', teamId: 'team' };

/** Customers, upserted by externalId through the customers batch use case (owner, tier and team by name). */
export const customersImporter: Importer<TCustomerCreate> = {
  entity: 'customers',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['客户编号', '外部编号', '编号', 'customer id', 'account id', 'id', 'external id'],
    },
    {
      key: 'name',
      required: true,
      kind: 'text',
      aliases: ['客户名称', '客户', '名称', '公司', '公司名称', 'customer', 'account', 'company', 'customer name'],
    },
    {
      key: 'tier',
      required: false,
      kind: 'lookup',
      lookup: 'tier key or name (KA, VIP, SMB…)',
      aliases: ['分级', '客户分级', '等级', 'tier', 'segment'],
    },
    {
      key: 'owner',
      required: false,
      kind: 'lookup',
      lookup: 'user email or name',
      aliases: ['负责人', '销售', '所有人', 'owner', 'sales rep', 'sales agent'],
    },
    { key: 'team', required: false, kind: 'lookup', lookup: 'team name', aliases: ['团队', '销售团队', 'team'] },
    { key: 'industry', required: false, kind: 'text', aliases: ['行业', 'industry', 'sector'] },
    {
      key: 'region',
      required: false,
      kind: 'text',
      aliases: ['地区', '区域', '省份', '国家', 'region', 'country', 'office_location', 'location'],
    },
    { key: 'source', required: false, kind: 'text', aliases: ['来源', '客户来源', 'source', 'lead source'] },
    { key: 'phone', required: false, kind: 'text', aliases: ['电话', '手机', '联系电话', 'phone', 'telephone', 'mobile'] },
    { key: 'email', required: false, kind: 'email', aliases: ['邮箱', '电子邮件', 'email', 'e-mail'] },
    { key: 'address', required: false, kind: 'text', aliases: ['地址', 'address'] },
    { key: 'tags', required: false, kind: 'list', aliases: ['标签', 'tags'] },
    { key: 'status', required: false, kind: 'enum', options: ['prospect', 'active', 'inactive'], aliases: ['状态', 'status'] },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row], lookups) {
    const v = row.values;
    const c = issueCollector(row.row);
    const lookup = lookupIn(c);
    const tierId = lookup('tier', v.tier, lookups.tier, 'tier');
    const ownerId = lookup('owner', v.owner, lookups.user, 'active user with the email or name');
    const teamId = lookup('team', v.team, lookups.team, 'team');
    if (c.issues.length) return { issues: c.issues };
    const record = {
      name: v.name,
      externalId: v.externalId,
      tierId,
      ownerId,
      teamId,
      industry: v.industry,
      region: v.region,
      source: v.source,
      phone: v.phone,
      email: v.email,
      address: v.address,
      tags: v.tags === undefined ? undefined : parseList(v.tags),
      status: v.status,
    };
    return checkRecord(ZCustomerCreate, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records) {
    const r = await createCustomers(ctx, records, { mode: 'upsert', pathPrefix: 'records' });
    return { inserted: r.created, updated: r.updated };
  },
};
