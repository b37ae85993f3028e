import type { TRole, TUserCreate } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, forbidden, staleVersion, unprocessable } from '../../platform/errors.ts';
import { type DomainEvent, emitDomainEvents } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { hashPassword, newSecret } from '../auth/credentials.ts';
import { insertLevelHistory, orgToday } from '../levels/levelHistory.repository.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import * as repo from './users.repository.ts';
import { loginEmails, users } from './users.table.ts';
import { levelEntry, userView } from './users.usecases.ts';

/** A person of a batch (an import): the create request without a password; the role may be left to what it is. */
export type UserBatchRecord = Omit<TUserCreate, 'password' | 'role'> & { role?: TRole };

const FIELDS = ['name', 'role', 'teamId', 'levelId', 'locale', 'hireDate'] as const;

/**
 * Creates or updates people by email (admins only, like the single create), all or nothing. Every record
 * is checked first — an email unique in the batch and not another organisation's (sign-in is by email
 * alone), the team and level this organisation's, an admin not taking the admin role from themself —
 * and every problem named by `records.<i>.<field>`; then nothing is written.
 *
 * A new person's password is 256 random bits that are hashed and forgotten at once: nobody knows it, so
 * nobody can sign in as them until an admin issues a reset token (users page or CLI) and hands it over.
 * No password is ever logged or returned. New people default to the rep role; an existing person keeps
 * what the record leaves out.
 */
export async function importUsersBatch(ctx: Ctx, records: UserBatchRecord[]) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only admins import users');
  const at = (i: number, field: string) => `records.${i}.${field}`;
  const { orgId } = ctx.actor;
  try {
    return await inTransaction(ctx, async (tx) => {
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      records.forEach((r, i) => {
        const first = seen.get(r.email);
        if (first !== undefined) errors.push({ path: at(i, 'email'), message: `same email as record ${first}` });
        else seen.set(r.email, i);
      });
      const emails = [...seen.keys()];
      const existing = new Map(
        (
          await tx.db
            .select()
            .from(users)
            .where(and(eq(users.orgId, orgId), inArray(users.email, emails)))
        ).map((u) => [u.email, u]),
      );
      const elsewhere = emails.filter((e) => !existing.has(e));
      const taken = new Set(
        elsewhere.length
          ? (await tx.db.select({ email: loginEmails.email }).from(loginEmails).where(inArray(loginEmails.email, elsewhere))).map(
              (l) => l.email,
            )
          : [],
      );
      const teamIds = [...new Set(records.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
      const levelIds = [...new Set(records.flatMap((r) => (r.levelId ? [r.levelId] : [])))];
      const knownTeams = new Set(
        teamIds.length
          ? (
              await tx.db
                .select({ id: teams.id })
                .from(teams)
                .where(and(eq(teams.orgId, orgId), inArray(teams.id, teamIds)))
            ).map((t) => t.id)
          : [],
      );
      const knownLevels = new Set(
        levelIds.length
          ? (
              await tx.db
                .select({ id: levels.id })
                .from(levels)
                .where(and(eq(levels.orgId, orgId), inArray(levels.id, levelIds)))
            ).map((l) => l.id)
          : [],
      );
      records.forEach((r, i) => {
        const match = existing.get(r.email);
        // Sign-in is by email alone: another organisation's email is "registered", never "whose".
        if (!match && taken.has(r.email)) errors.push({ path: at(i, 'email'), message: 'already registered' });
        if (r.teamId && !knownTeams.has(r.teamId)) errors.push({ path: at(i, 'teamId'), message: 'no such team in this organisation' });
        if (r.levelId && !knownLevels.has(r.levelId))
          errors.push({ path: at(i, 'levelId'), message: 'no such level in this organisation' });
        if (match?.id === ctx.actor.userId && r.role !== undefined && r.role !== 'admin')
          errors.push({ path: at(i, 'role'), message: 'an admin cannot take the admin role from themself' });
      });
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const now = ctx.clock.now();
      const fresh = records.filter((r) => !existing.has(r.email));
      // Hashed only once every record passed: argon2 is deliberately slow.
      const hashes = await Promise.all(fresh.map(() => hashPassword(newSecret())));
      const rows = fresh.map((r, k) => ({
        orgId,
        id: newId(),
        email: r.email,
        name: r.name,
        role: r.role ?? 'rep',
        teamId: r.teamId ?? null,
        levelId: r.levelId ?? null,
        locale: r.locale ?? 'zh-CN',
        hireDate: r.hireDate ?? null,
        passwordHash: hashes[k],
        createdAt: now,
        updatedAt: now,
      }));
      const inserted = rows.length ? await tx.db.insert(users).values(rows).returning() : [];
      if (rows.length) await tx.db.insert(loginEmails).values(rows.map((u) => ({ email: u.email, orgId, userId: u.id })));

      const updates: { before: repo.UserRow; after: repo.UserRow }[] = [];
      const events: DomainEvent[] = [];
      for (const r of records) {
        const before = existing.get(r.email);
        if (!before) continue;
        const patch: Partial<repo.NewUserRow> = { updatedAt: now };
        for (const f of FIELDS) if (r[f] !== undefined) Object.assign(patch, { [f]: r[f] });
        const after = await repo.updateUserRow(tx.db, orgId, before.id, before.version, patch);
        if (!after) throw staleVersion('user', before.version);
        updates.push({ before, after });
        if (after.levelId !== before.levelId)
          events.push({
            orgId,
            type: 'user.level_changed',
            data: {
              userId: after.id,
              name: after.name,
              fromLevelId: before.levelId,
              toLevelId: after.levelId,
              changedBy: ctx.actor.userId,
            },
          });
      }
      await recordAuditMany(tx.db, tx, [
        ...inserted.map((u) => ({ action: 'create' as const, entity: 'user', entityId: u.id, before: null, after: userView(u) })),
        ...updates.map((u) => ({
          action: 'update' as const,
          entity: 'user',
          entityId: u.after.id,
          before: userView(u.before),
          after: userView(u.after),
        })),
      ]);
      await emitDomainEvents(tx.db, now, events);
      // Level history (decision 0027): a newcomer's level from their hire (else today), a changed level from today.
      const today = await orgToday(tx.db, orgId, now);
      const change = (effectiveOn: string) => ({ effectiveOn, reason: 'import' as const, changedBy: ctx.actor.userId });
      await insertLevelHistory(tx.db, [
        ...inserted.filter((u) => u.levelId).map((u) => ({ ...levelEntry(u, null, change(u.hireDate ?? today)), createdAt: now })),
        ...updates
          .filter((u) => u.after.levelId !== u.before.levelId)
          .map((u) => ({ ...levelEntry(u.after, u.before.levelId, change(today)), createdAt: now })),
      ]);
      return { created: inserted.length, updated: updates.length, ids: [...inserted, ...updates.map((u) => u.after)].map((u) => u.id) };
    });
  } catch (err) {
    // Another import or the users page took an email meanwhile.
    if (isUniqueViolation(err))
      throw conflict('email_taken', 'This email is already registered', [{ path: 'email', message: 'already registered' }]);
    throw err;
  }
}
