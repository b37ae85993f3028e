import type { Command } from 'commander';

/** Adds the `backup` command(s) to the admin CLI. */
export function registerBackupCommands(_program: Command) {}
