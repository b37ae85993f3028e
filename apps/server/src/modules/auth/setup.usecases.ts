import type { TSetupBody } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { createOrganisation } from '../orgs/orgs.usecases.ts';
import { countAllUsers } from '../users/users.repository.ts';
import { startSession } from './auth.usecases.ts';

/** Serialises first-start setup so two setup forms submitted at once cannot both succeed. */
const SETUP_LOCK = 727_002;

export async function isSetupRequired(db: Db) {
  return (await countAllUsers(db)) === 0;
}

/**
 * Creates the first organisation and its admin, only while no user exists at all.
 * Returns undefined when setup has already been done.
 */
async function createFirstOrganisation(db: Db, clock: Clock, input: TSetupBody) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await countAllUsers(tx)) > 0) return undefined;
    return createOrganisation(tx, { orgName: input.orgName, admin: input }, clock.now());
  });
}

export async function firstSetup(db: Db, clock: Clock, input: TSetupBody) {
  const created = await createFirstOrganisation(db, clock, input);
  if (!created) throw forbidden('Setup has already been done: sign in instead');
  return startSession(db, created.admin, clock.now());
}

/** Public sign-up (TIERLINE_ALLOW_SIGNUP): a new organisation with the user as its admin. */
export async function signup(db: Db, clock: Clock, input: TSetupBody) {
  try {
    const created = await db.transaction((tx) => createOrganisation(tx, { orgName: input.orgName, admin: input }, clock.now()));
    return startSession(db, created.admin, clock.now());
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('email_taken', 'This email is already registered', [{ path: 'email', message: 'already registered' }]);
    }
    throw err;
  }
}

/** First start with TIERLINE_ADMIN_EMAIL / _PASSWORD: create the org and admin when no user exists. */
export async function bootstrapAdmin(db: Db, clock: Clock, admin: { email: string; password: string; orgName: string }) {
  const created = await createFirstOrganisation(db, clock, { ...admin, name: 'Admin' });
  return created !== undefined;
}
