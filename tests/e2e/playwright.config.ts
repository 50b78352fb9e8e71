import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { OWNER_STATE } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** A second server of the same build on PostgreSQL, for the journey. */
const PG_PORT = Number(process.env.E2E_PG_PORT ?? PORT + 1);
const PG_BASE_URL = `http://127.0.0.1:${PG_PORT}`;

/** Debian's Chromium where present (CI, this machine); Playwright's own browser elsewhere. */
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (p) => p && existsSync(p),
);

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The journey starts from an empty database, so it runs before the specs that add profiles.
  projects: [
    {
      name: 'journey',
      testMatch: /journey\.spec\.ts/,
      // A retry would find the owner the first try made, so it could only fail for another reason.
      retries: 0,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
    // Signs in the owner the journey made; the other specs start signed in as them.
    {
      name: 'signed-in',
      testMatch: /signed-in\.setup\.ts/,
      dependencies: ['journey'],
    },
    {
      name: 'chromium',
      testIgnore: [/journey\.spec\.ts/, /signed-in\.setup\.ts/],
      dependencies: ['signed-in'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        storageState: OWNER_STATE,
        // API calls a spec makes with the session cookie are same-origin writes, as the app's own.
        extraHTTPHeaders: { origin: BASE_URL },
      },
    },
    // The same journey once more, on the server whose database is PostgreSQL.
    {
      name: 'journey-pg',
      testMatch: /journey\.spec\.ts/,
      retries: 0,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        baseURL: PG_BASE_URL,
      },
    },
  ],
  // Started one after the other, so the second finds the build the first made.
  webServer: [
    {
      // A fresh database every run: the journey starts from an empty, newly seeded database.
      command: `sh -c "unset DATABASE_URL; rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm && node scripts/start.mjs"`,
      cwd: '../..',
      url: `${BASE_URL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { DATABASE_PATH: '.tmp/e2e.db', PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      // An empty database created on TEST_DATABASE_URL's server (a throwaway server when unset);
      // `npm start` migrates and seeds it. SIGTERM lets the wrapper drop it or stop the server.
      command: 'node --import tsx scripts/with-postgres.ts --fresh-database node scripts/start.mjs',
      cwd: '../..',
      url: `${PG_BASE_URL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      env: { PORT: String(PG_PORT), NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
});
