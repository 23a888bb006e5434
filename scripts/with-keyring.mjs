#!/usr/bin/env node
// Runs a command where the OS keychain works, so tests use the real one (keytar), never a mock:
//   node scripts/with-keyring.mjs vitest run
// - Linux without a D-Bus session bus (CI, containers, SSH): starts one with dbus-run-session, starts gnome-keyring's
//   Secret Service in it with the `login` keyring unlocked (created on first use, with a fixed password: it holds test
//   secrets only), and runs the command inside. The keyring lives under $HOME (XDG_DATA_HOME), which CI points at .home/
//   in the checkout; the bus and the daemon end with the command.
// - Anywhere else (a Linux desktop session, macOS, Windows): runs the command as it is, against the user's keychain.
// Plain Node, so it needs no bash on Windows. Exits with the command's status.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const insideSession = '--inside-keyring-session';
const testKeyringPassword = 'sam-desk-tests';

const argv = process.argv.slice(2);
const nested = argv[0] === insideSession;
const [command, ...args] = nested ? argv.slice(1) : argv;
if (!command) {
  console.error('usage: node scripts/with-keyring.mjs <command> [args…]');
  process.exit(2);
}

/** Runs a program with inherited stdio, passes on Ctrl-C and termination, and leaves with its status. */
function runAndExit(file, fileArgs, env = process.env) {
  // Windows finds npm's .cmd shims only through the shell; joining avoids passing args with `shell: true`.
  const windows = process.platform === 'win32';
  const quote = (arg) => (/^[\w./:=@-]+$/.test(arg) ? arg : `"${arg.replaceAll('"', '\\"')}"`);
  const child = windows
    ? spawn([file, ...fileArgs].map(quote).join(' '), { stdio: 'inherit', env, shell: true })
    : spawn(file, fileArgs, { stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('error', (error) => {
    console.error(`with-keyring: could not run ${file}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

function onPath(program) {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

function hasSessionBus() {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return true;
  // systemd user sessions put the bus at $XDG_RUNTIME_DIR/bus, which libdbus and GIO find without the variable.
  const runtimeDir = process.env.XDG_RUNTIME_DIR;
  return Boolean(runtimeDir && existsSync(join(runtimeDir, 'bus')));
}

if (nested) {
  // Inside dbus-run-session: unlock (or create) the login keyring, then run the command with the daemon's variables.
  const unlock = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: testKeyringPassword,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (unlock.status !== 0) {
    console.error(`with-keyring: gnome-keyring-daemon --unlock failed (${unlock.error?.message ?? `status ${unlock.status}`}).`);
    if (unlock.stderr) console.error(unlock.stderr.trim());
    process.exit(1);
  }
  const env = { ...process.env };
  for (const line of unlock.stdout.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  runAndExit(command, args, env);
} else if (process.platform === 'linux' && !hasSessionBus()) {
  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((program) => !onPath(program));
  if (missing.length > 0) {
    console.error(
      `with-keyring: no D-Bus session here and ${missing.join(' and ')} missing, so there is no OS keychain for the tests. ` +
        'Install them: sudo apt-get install dbus dbus-x11 gnome-keyring (or run bash scripts/install-system-packages.sh as root).',
    );
    process.exit(1);
  }
  runAndExit('dbus-run-session', ['--', process.execPath, process.argv[1], insideSession, command, ...args]);
} else {
  runAndExit(command, args);
}
