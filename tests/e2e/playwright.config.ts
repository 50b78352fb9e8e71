import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

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
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'chromium',
      testIgnore: /journey\.spec\.ts/,
      dependencies: ['journey'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    // A fresh database every run: the journey starts from an empty, newly seeded database.
    command: `sh -c "rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm && node scripts/start.mjs"`,
    cwd: '../..',
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { DATABASE_PATH: '.tmp/e2e.db', PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
  },
});
