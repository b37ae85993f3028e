import type { TImportError } from '@tierline/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { importChunks, importErrors, imports } from './imports.table.ts';

export type ImportRow = typeof imports.$inferSelect;
export type NewImportRow = typeof imports.$inferInsert;

/** How many of the first errors the import row keeps for the status answer. */
export const FIRST_ERRORS = 100;

export async function insertImport(db: DbOrTx, row: NewImportRow) {
  await db.insert(imports).values(row);
}

export async function insertChunk(db: DbOrTx, importId: string, seq: number, bytes: Buffer) {
  await db.insert(importChunks).values({ importId, seq, bytes });
}

export async function findImport(db: DbOrTx, orgId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  return row;
}

export async function updateImport(db: DbOrTx, orgId: string, id: string, patch: Partial<NewImportRow>) {
  await db
    .update(imports)
    .set(patch)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
}

/** Appends errors after the ones already stored (numbered from `fromSeq`). */
export async function insertErrors(db: DbOrTx, importId: string, fromSeq: number, errors: TImportError[]) {
  for (let i = 0; i < errors.length; i += 1000)
    await db
      .insert(importErrors)
      .values(
        errors.slice(i, i + 1000).map((e, j) => ({ importId, seq: fromSeq + i + j, row: e.row, column: e.column, message: e.message })),
      );
}

/** Errors in file order, a page at a time (for errors.csv). */
export async function errorsAfter(db: DbOrTx, importId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.importId, importId), gt(importErrors.seq, afterSeq)))
    .orderBy(asc(importErrors.seq))
    .limit(limit);
}

export async function deleteErrors(db: DbOrTx, importId: string) {
  await db.delete(importErrors).where(eq(importErrors.importId, importId));
}

export async function deleteChunks(db: DbOrTx, importId: string) {
  await db.delete(importChunks).where(eq(importChunks.importId, importId));
}
