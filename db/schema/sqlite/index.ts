export * from './accounts';
export * from './foods';
export * from './journal';
export * from './plans';
export * from './profiles';
export * from './protocols';
export * from './recipes';
export * from './reintroduction';
