#!/usr/bin/env node
// The sam-desk command line. It runs the TypeScript sources directly through tsx, so it works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
