import type { Command } from 'commander';

/** Adds the `export` command(s) to the admin CLI. */
export function registerExportCommands(_program: Command) {}
