import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';
import { playwright } from '@vitest/browser-playwright';

// Two projects: the pure core and the server run in plain Node (WebCrypto, no DOM);
// UI code runs in happy-dom (jsdom breaks jose, see the README's decisions).
const pureCore = ['protocol', 'signing', 'contract', 'lib'].map((d) => `src/${d}/**/*.test.ts`);
// The OCM-stub suite needs a checkout the user brings: it runs only when OCM_STUB_DIR is set (by
// `npm run test:interop`, or `npm test` with the variable), and then fails with the reason if it cannot.
const stubSuite = 'server/interop/*.interop.test.ts';
const withStub = process.env.OCM_STUB_DIR !== undefined;

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'happy-dom',
            setupFiles: ['./src/testing/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}'],
            exclude: pureCore,
            css: false,
          },
        },
        {
          test: {
            name: 'node',
            environment: 'node',
            include: [...pureCore, 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint/**/*.test.ts'],
            exclude: [stubSuite],
          },
        },
        ...(withStub ? [{ test: { name: 'interop', environment: 'node', include: [stubSuite] } }] : []),
        {
          // The signing core again, in real Chromium: the browser path of WebCrypto. Tests that need
          // Node-only oracles are named *.node.test.ts and stay in the node project.
          test: {
            name: 'browser',
            include: ['src/signing/**/*.test.ts'],
            exclude: ['src/signing/**/*.node.test.ts'],
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({
                launchOptions: {
                  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                  args: [
                    '--no-sandbox',
                    '--disable-gpu',
                    '--disable-dev-shm-usage',
                    '--disable-background-networking',
                    '--disable-component-update',
                    '--disable-sync',
                    '--no-first-run',
                    '--disable-quic',
                  ],
                },
              }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  }),
);
