import { describe, expect, it } from 'vitest';
import { checkAppFiles, REQUIRED_FILES } from './asar-allow-list';

const runtime = new Set(['node_modules/keytar', 'node_modules/@azure/msal-node', 'node_modules/a/node_modules/b']);
const goodPacked = [...REQUIRED_FILES, '/out/main/main.js', '/out/renderer/assets/index-abc.js', '/node_modules/@azure/msal-node/package.json', '/node_modules/keytar/package.json', '/node_modules/a/node_modules/b/index.js'];
const goodUnpacked = ['/node_modules/keytar/build/Release/keytar.node'];

describe('the packaged app’s allow-list', () => {
  it('accepts the build output and the run-time packages', () => {
    expect(checkAppFiles({ packed: goodPacked, unpacked: goodUnpacked }, runtime)).toEqual([]);
  });

  it.each([
    ['/out/main/main.js.map', 'a source map'],
    ['/electron/services/sam/token-service.ts', 'TypeScript source'],
    ['/emulators/entra/routes.js', 'sources or tooling'],
    ['/bench/run.js', 'sources or tooling'],
    ['/node_modules/@azure/msal-node/test/cache.js', 'tests'],
    ['/node_modules/keytar/src/keytar_posix.cc', 'native sources'],
    ['/node_modules/@azure/msal-node/README.md', 'documentation'],
    ['/node_modules/react/index.js', 'not a run-time dependency'],
    ['/node_modules/a/index.js', 'not a run-time dependency'],
    ['/.env', 'not build output'],
  ])('refuses %s (%s)', (file, reason) => {
    const problems = checkAppFiles({ packed: [...goodPacked, file], unpacked: goodUnpacked }, runtime);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toContain(reason);
  });

  it('reports what the app needs and is missing: build output, a run-time package, the unpacked native module', () => {
    const problems = checkAppFiles({ packed: goodPacked.filter((file) => file !== '/out/preload/preload.cjs' && !file.includes('msal-node')), unpacked: [] }, runtime);
    expect(problems).toEqual([
      '/out/preload/preload.cjs: missing from app.asar',
      '/node_modules/keytar/build/Release/keytar.node: missing from app.asar.unpacked (a native module cannot load from inside the asar)',
      'node_modules/@azure/msal-node: a run-time dependency the app loads is missing',
    ]);
  });
});
