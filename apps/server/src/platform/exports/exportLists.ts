import { activitiesExport } from '../../modules/activities/activities.export.ts';
import { contactsExport } from '../../modules/contacts/contacts.export.ts';
import { contractsExport } from '../../modules/contracts/contracts.export.ts';
import { customersExport } from '../../modules/customers/customers.export.ts';
import { dealsExport } from '../../modules/deals/deals.export.ts';
import { leadsExport } from '../../modules/leads/leads.export.ts';
import { ordersExport } from '../../modules/orders/orders.export.ts';
import { serviceRequestsExport } from '../../modules/serviceRequests/serviceRequests.export.ts';
import { tasksExport } from '../../modules/tasks/tasks.export.ts';
import { usersExport } from '../../modules/users/users.export.ts';
import type { AnyExportDefinition } from './export.definition.ts';

/** Every exportable list by its name (the path segment before /export), for the CLI and the tests. */
export const EXPORT_LISTS: Record<string, AnyExportDefinition> = Object.fromEntries(
  [
    customersExport,
    contactsExport,
    leadsExport,
    dealsExport,
    ordersExport,
    contractsExport,
    activitiesExport,
    tasksExport,
    serviceRequestsExport,
    usersExport,
  ].map((d) => [d.list, d]),
);
