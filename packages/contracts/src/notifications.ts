// Schemas of the notifications API; filled in with the module.
export {};
