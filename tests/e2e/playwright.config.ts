import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (.output/chrome-mv3). Two cores on CI:
// one worker keeps the timings honest and the machine responsive.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  outputDir: '.tmp/results',
});
