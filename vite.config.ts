// One Vite config for the three bundles, chosen by mode:
//   vite build                  the renderer (React) into dist/renderer
//   vite build --mode main      the Electron main process into dist-electron/main.js (ESM)
//   vite build --mode preload   the preload into dist-electron/preload.cjs (CommonJS, since sandboxed preloads cannot be ESM)
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const root = import.meta.dirname;

// Native modules and Electron stay outside the bundle and load at run time.
const nodeExternals = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(packageJson.dependencies),
];

function mainConfig(): UserConfig {
  return {
    build: {
      outDir: resolve(root, 'dist-electron'),
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      ssr: true,
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'main.js' },
      // Vite ignores lib.fileName in SSR builds, so the output name is set here as well. The lazily
      // loaded demo server chunk gets a fixed name, so rebuilds into this folder do not pile up copies.
      rollupOptions: { external: nodeExternals, output: { entryFileNames: 'main.js', chunkFileNames: 'main-[name].js' } },
    },
  };
}

function preloadConfig(): UserConfig {
  return {
    build: {
      outDir: resolve(root, 'dist-electron'),
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      ssr: true,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      // The sandboxed preload may require only 'electron'; zod and the contract are bundled in.
      rollupOptions: { external: ['electron'], output: { entryFileNames: 'preload.cjs' } },
    },
    ssr: { noExternal: true },
  };
}

function rendererConfig(): UserConfig {
  return {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'dist/renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
    },
    server: { host: '127.0.0.1', strictPort: false },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return mainConfig();
  if (mode === 'preload') return preloadConfig();
  return rendererConfig();
});
