import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

/** A contract (合同), usually from a won deal, with its payment plan and the payments received (回款). */
export const contracts = pgTable(
  'contracts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    dealId: uuid('deal_id'),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    signedOn: date('signed_on'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    status: text('status', { enum: ['draft', 'pending_approval', 'active', 'completed', 'cancelled'] })
      .notNull()
      .default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.number),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.customerId),
    // With id and team: a few reps' contracts (their payments in a team's scorecards) from the index alone.
    index().on(t.orgId, t.ownerId, t.id, t.teamId),
    index().on(t.orgId, t.dealId),
  ],
);

export const installments = pgTable(
  'installments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    position: integer('position').notNull(),
    dueOn: date('due_on').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete('cascade'),
    index().on(t.orgId, t.contractId),
  ],
);

export const payments = pgTable(
  'payments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    installmentId: uuid('installment_id'),
    receivedOn: date('received_on').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    method: text('method'),
    reference: text('reference'),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }),
    foreignKey({ columns: [t.orgId, t.installmentId], foreignColumns: [installments.orgId, installments.id] }),
    // A customer's or deal's timeline reads its contracts' payments newest first.
    index().on(t.orgId, t.contractId, t.receivedOn, t.id),
    index().on(t.orgId, t.receivedOn),
    // Payments collected (decision 0026): a period's payments with their contract and amount, from the index alone.
    index('payments_kpi_received_idx').on(t.orgId, t.receivedOn, t.contractId, t.amount),
  ],
);
