/** The wage protection tables: filled in with migration 0012. */
export interface WageTables {}
