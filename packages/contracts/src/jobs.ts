// Schemas of the jobs API; filled in with the module.
export {};
