import { appClock } from '../services/app-clock';
import { readPackageVersion } from '../services/app-version';
import type { SamDeskServices } from '../services/sam-desk-services';
import type { CliIo } from './cli-io';
import { readStdin } from './read-stdin';
import { runCli } from './run-cli';

/** The process edge of `sam-desk`: wires real stdin/stdout/stderr and the clock into runCli. */
let services: Promise<SamDeskServices> | undefined;
const io: CliIo = {
  // Loaded on first use, so `sam-desk inspect` never loads the SDKs, the keychain or the settings folder.
  services: () => (services ??= loadServices()),
  env: process.env,
  // Node types isTTY as boolean, but it is undefined when stdin is a pipe or a file.
  stdinIsTty: (process.stdin.isTTY as boolean | undefined) === true,
  readStdin: () => readStdin(process.stdin),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: appClock(process.env),
};

async function loadServices(): Promise<SamDeskServices> {
  const [{ defaultServices }, { openSignInPage }] = await Promise.all([import('../services/default-services'), import('../services/system-browser')]);
  return defaultServices(openSignInPage, process.env);
}

process.exitCode = await runCli(process.argv.slice(2), io, readPackageVersion(new URL('../../package.json', import.meta.url)));
