// Schemas of the serviceRequests API; filled in with the module.
export {};
