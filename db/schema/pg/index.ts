// PostgreSQL declarations of the same tables as ../sqlite (see tests/unit/db/schema-parity):
// column comments live there, the one place a column is explained.
export * from './accounts';
export * from './clinician';
export * from './foods';
export * from './journal';
export * from './plans';
export * from './profiles';
export * from './protocols';
export * from './recipes';
export * from './reintroduction';
