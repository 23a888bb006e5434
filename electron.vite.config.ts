import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/security/content-security-policy';

/** Writes the renderer's CSP into index.html, so the page carries it whoever serves it. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'sam-desk-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { main: resolve('electron/app/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require modules: everything it uses is bundled into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve('electron/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      sourcemap: false,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
