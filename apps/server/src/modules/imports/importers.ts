import type { TImportEntity } from '@tierline/contracts';
import type { AnyImporter } from './importer.ts';
import { activitiesImporter } from './importers/activities.importer.ts';
import { contactsImporter } from './importers/contacts.importer.ts';
import { customersImporter } from './importers/customers.importer.ts';
import { dealsImporter } from './importers/deals.importer.ts';
import { leadsImporter } from './importers/leads.importer.ts';
import { ordersImporter } from './importers/orders.importer.ts';
import { paymentsImporter } from './importers/payments.importer.ts';
import { satisfactionImporter } from './importers/satisfaction.importer.ts';
import { usersImporter } from './importers/users.importer.ts';

/** Every importable entity's importer. An entity without one is refused at upload. */
const IMPORTERS: Partial<Record<TImportEntity, AnyImporter>> = {
  customers: customersImporter,
  contacts: contactsImporter,
  leads: leadsImporter,
  deals: dealsImporter,
  orders: ordersImporter,
  activities: activitiesImporter,
  payments: paymentsImporter,
  satisfaction: satisfactionImporter,
  users: usersImporter,
};

export function importerOf(entity: TImportEntity): AnyImporter {
  const importer = IMPORTERS[entity];
  if (!importer) throw new Error(`no importer for ${entity}`);
  return importer;
}

export const hasImporter = (entity: TImportEntity) => IMPORTERS[entity] !== undefined;
