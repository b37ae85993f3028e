import type { TImportEntity } from '@tierline/contracts';
import type { AnyImporter } from './importer.ts';
import { customersImporter } from './importers/customers.importer.ts';
import { ordersImporter } from './importers/orders.importer.ts';

/** Every importable entity's importer. An entity without one is refused at upload. */
const IMPORTERS: Partial<Record<TImportEntity, AnyImporter>> = {
  customers: customersImporter,
  orders: ordersImporter,
};

export function importerOf(entity: TImportEntity): AnyImporter {
  const importer = IMPORTERS[entity];
  if (!importer) throw new Error(`no importer for ${entity}`);
  return importer;
}

export const hasImporter = (entity: TImportEntity) => IMPORTERS[entity] !== undefined;
