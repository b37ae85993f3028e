import type { Command } from 'commander';

/** Adds the `import` command(s) to the admin CLI. */
export function registerImportCommands(_program: Command) {}
