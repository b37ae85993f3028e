import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openPglite } from '../../src/db/client.ts';

/**
 * Puts the run's migrated template database into `DATA_DIR/pgdata`, so a server started there skips
 * initdb and the migrations (tens of seconds on a loaded 2-core machine).
 */
export async function seedDataDir(dataDir: string): Promise<void> {
  const template = fs.readFileSync(inject('pgliteTemplate'));
  const database = await openPglite({ dataDir: path.join(dataDir, 'pgdata'), loadDataDir: new Blob([template]) });
  await database.close();
}
