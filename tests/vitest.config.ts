import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const resolve = {
  alias: {
    '@': root,
    'server-only': `${root}tests/support/server-only-stub.ts`,
  },
};

const integration = {
  root,
  include: ['tests/integration/**/*.test.ts'],
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  root,
  resolve,
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        resolve,
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      // The integration suite runs on both engines, each on its own seeded template database;
      // every test file works on its own copy (tests/support/db.ts).
      {
        resolve,
        test: {
          ...integration,
          name: 'integration',
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        resolve,
        test: {
          ...integration,
          name: 'integration-pg',
          globalSetup: ['tests/support/global-setup-pg.ts'],
        },
      },
    ],
  },
});
