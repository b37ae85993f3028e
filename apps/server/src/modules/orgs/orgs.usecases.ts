import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../auth/credentials.ts';
import { insertDefaultLevels } from '../levels/levels.repository.ts';
import { insertDefaultPipelines } from '../pipelines/pipelines.defaults.ts';
import { insertDefaultTiers } from '../tiers/tiers.defaults.ts';
import { insertUserRow } from '../users/users.repository.ts';
import { orgs } from './orgs.table.ts';

export type NewOrganisation = { orgName: string; admin: { name: string; email: string; password: string } };

/**
 * Creates an organisation with the default level ladder, tiers, tier policies and rules, pipelines, and its first admin.
 * Used by first-start setup, public sign-up, the bootstrap variables and the CLI alike.
 */
export async function createOrganisation(tx: DbOrTx, input: NewOrganisation, now: Date) {
  const orgId = newId();
  await tx.insert(orgs).values({ id: orgId, name: input.orgName, createdAt: now });
  await insertDefaultLevels(tx, orgId);
  await insertDefaultTiers(tx, orgId, now);
  await insertDefaultPipelines(tx, orgId);
  const admin = await insertUserRow(tx, {
    orgId,
    id: newId(),
    email: input.admin.email,
    name: input.admin.name,
    role: 'admin',
    passwordHash: await hashPassword(input.admin.password),
    createdAt: now,
    updatedAt: now,
  });
  return { orgId, admin };
}
