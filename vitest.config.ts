import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Two projects: the pure core and the server run in plain Node (WebCrypto, no DOM);
// UI code runs in happy-dom (jsdom breaks jose, see the README's decisions).
const pureCore = ['protocol', 'signing', 'contract', 'lib'].map((d) => `src/${d}/**/*.test.ts`);

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
          },
        },
      ],
    },
  }),
);
