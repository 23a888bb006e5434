import type { ChildProcess } from 'node:child_process';

/**
 * The launch addresses SAM Desk's browser mode prints (`SAM Desk is running at <url>`), read from the process it runs
 * in, for the e2e tests and the benchmarks. Each address holds a one-time launch code: a page that needs one asks
 * for a new one, as a person presses Enter in the terminal.
 */
export interface PrintedLaunchUrls {
  /** The first address printed at start. */
  first(): Promise<string>;
  /** Presses Enter on the process's stdin and returns the next address it prints. */
  next(): Promise<string>;
}

export function printedLaunchUrls(child: ChildProcess, output: () => string, timeoutMs: number): PrintedLaunchUrls {
  /** The first address printed after `from` characters of output (a whole line, so never a URL cut in two). */
  const printedAfter = (from: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        child.stdout?.off('data', look);
        child.off('exit', exited);
        settle();
      };
      const look = (): void => {
        const url = /running at (\S+)\r?\n/.exec(output().slice(from))?.[1];
        if (url) finish(() => resolve(url));
      };
      const exited = (code: number | null): void => finish(() => reject(new Error(`exited with ${String(code)}`)));
      const timer = setTimeout(() => finish(() => reject(new Error(`printed no launch address within ${String(timeoutMs)} ms`))), timeoutMs);
      // Listened for after the output collector (registered first by the caller), so `output()` already holds the chunk.
      child.stdout?.on('data', look);
      child.on('exit', exited);
      look();
    });
  return {
    first: () => printedAfter(0),
    next: () => {
      const from = output().length;
      child.stdin?.write('\n');
      return printedAfter(from);
    },
  };
}
