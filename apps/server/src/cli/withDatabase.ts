import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openDatabase } from '../db/open.ts';

/**
 * A command's action with the server's database opened (DATA_DIR or DATABASE_URL) and closed after;
 * what the action returns is printed. `database` gives the engine and raw SQL (backup, import).
 */
export function withDatabase<O>(action: (db: Database['db'], opts: O, database: Database) => Promise<string>) {
  return async (opts: O) => {
    const database = await openDatabase(loadConfig());
    try {
      console.log(await action(database.db, opts, database));
    } finally {
      await database.close();
    }
  };
}
