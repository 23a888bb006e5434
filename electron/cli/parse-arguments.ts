/**
 * The command line's grammar: `sam-desk <command> [positionals] [--flags]`. Hand-rolled because it is this small;
 * unknown flags are errors, so a typo never silently changes what a script gets.
 */
export interface ParsedArguments {
  readonly command: string | null;
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

export type ParseResult = { readonly ok: true; readonly value: ParsedArguments } | { readonly ok: false; readonly unknownFlag: string };

const flagShape = /^--?[a-z][a-z-]{0,30}(=.*)?$/s;

export function parseArguments(argv: readonly string[], knownFlags: ReadonlySet<string>): ParseResult {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  let onlyPositionals = false;
  for (const arg of argv) {
    // Only something shaped like a flag name is a flag; a token that happens to start with '-' is a positional.
    if (onlyPositionals || !flagShape.test(arg)) {
      positionals.push(arg);
    } else if (arg === '--') {
      onlyPositionals = true;
    } else {
      const [name = '', value] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
      if (!knownFlags.has(name)) return { ok: false, unknownFlag: `--${name}` };
      flags.set(name, value ?? true);
    }
  }
  const [command = null, ...rest] = positionals;
  return { ok: true, value: { command, positionals: rest, flags } };
}
