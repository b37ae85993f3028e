import { ZBuyingRole, ZContactCreate, ZSeniority } from '@tierline/contracts';
import { z } from 'zod';
import { createContactsBatch } from '../../contacts/contacts.batch.usecases.ts';
import { checkRecord, type Importer, issueCollector } from '../importer.ts';
import { customerIdsOf } from './customerRefs.ts';

/** The contact as the file gives it: its customer by externalId or name, resolved when the batch is written. */
const ZContactImport = ZContactCreate.omit({ customerId: true }).extend({
  externalId: z.string().trim().min(1).max(100).optional(),
  customer: z.string().trim().min(1).max(200),
});
type ContactImport = z.output<typeof ZContactImport>;

const PROPERTY_FIELD: Record<string, string> = { customerId: 'customer' };

/** Contacts (联系人), upserted by externalId through the contacts batch use case. */
export const contactsImporter: Importer<ContactImport> = {
  entity: 'contacts',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['联系人编号', '联系人ID', '外部编号', 'contact id', 'contactid', 'external id', 'id'],
    },
    {
      key: 'customer',
      required: true,
      kind: 'lookup',
      lookup: 'customer externalId or exact name',
      aliases: [
        '客户',
        '客户名称',
        '客户编号',
        '所属客户',
        '公司',
        '公司名称',
        'customer',
        'customer name',
        'customer id',
        'account',
        'account name',
        'account id',
        'company',
      ],
    },
    {
      key: 'name',
      required: true,
      kind: 'text',
      aliases: ['姓名', '联系人', '联系人姓名', '名字', 'name', 'full name', 'contact name', 'contact'],
    },
    { key: 'title', required: false, kind: 'text', aliases: ['职务', '职位', '头衔', 'title', 'job title', 'position'] },
    { key: 'seniority', required: false, kind: 'enum', options: [...ZSeniority.options], aliases: ['职级', '层级', 'seniority'] },
    {
      key: 'buyingRole',
      required: false,
      kind: 'enum',
      options: [...ZBuyingRole.options],
      aliases: ['采购角色', '决策角色', '角色', 'buying role', 'contact role', 'role'],
    },
    {
      key: 'phone',
      required: false,
      kind: 'text',
      aliases: ['电话', '手机', '手机号', '联系电话', 'phone', 'mobile', 'mobile phone', 'telephone'],
    },
    { key: 'email', required: false, kind: 'email', aliases: ['邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'email address'] },
    { key: 'notes', required: false, kind: 'text', aliases: ['备注', '说明', 'notes', 'note', 'description'] },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row]) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('customer', v.customer);
    c.need('name', v.name);
    if (c.issues.length) return { issues: c.issues };
    const record = {
      externalId: v.externalId,
      customer: v.customer,
      name: v.name,
      title: v.title,
      seniority: v.seniority,
      buyingRole: v.buyingRole,
      phone: v.phone,
      email: v.email,
      notes: v.notes,
    };
    return checkRecord(ZContactImport, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records, options) {
    const customerIds = await customerIdsOf(
      ctx,
      records.map((r) => r.customer),
      options.createMissingCustomers,
    );
    const r = await createContactsBatch(
      ctx,
      records.map(({ customer: _c, ...contact }, i) => ({ ...contact, customerId: customerIds[i] as string })),
      { mode: 'upsert' },
    );
    return { inserted: r.created, updated: r.updated };
  },
};
