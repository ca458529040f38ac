import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The client's React API is Preact's (vite.config.ts): the same here, for the client code
  // the unit tests run (zustand's React hooks among it).
  resolve: {
    alias: [
      { find: /^react-dom(\/.*)?$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.int.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Bundled like the client, so its `react` import meets the alias above.
    server: { deps: { inline: ['zustand'] } },
  },
});
