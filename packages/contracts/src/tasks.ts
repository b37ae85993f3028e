// Schemas of the tasks API; filled in with the module.
export {};
