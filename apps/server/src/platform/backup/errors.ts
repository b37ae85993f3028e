/** The backup file or the target cannot be used as given; nothing was changed (the CLI exits 2). */
export class BackupRefused extends Error {}

/** A backup or restore started and failed (the CLI exits 1); the message says what was left. */
export class BackupFailed extends Error {}
