// Schemas of the activities API; filled in with the module.
export {};
