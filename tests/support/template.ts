/** The seeded database each integration project copies per test file, from its global setup. */
export type TestDbTemplate = (
  | { engine: 'sqlite'; dir: string; template: string; run: string }
  /** `server` is a superuser URL; `template` a database on it; copies are named `<template>_…`. */
  | { engine: 'postgres'; server: string; template: string }
) & {
  /** The API token of the template's owner (tests/support/test-owner.ts). */
  token: string;
};

export const TEMPLATE_KEY = 'villiTestDb';

declare module 'vitest' {
  export interface ProvidedContext {
    villiTestDb: TestDbTemplate;
  }
}
