/**
 * How deep a decoded header, claims object or token response may nest. Entra's tokens go three levels deep; a
 * pasted 16 kB token can nest thousands of levels, and a result that deep cannot be structured-cloned over IPC,
 * printed by `sam-desk inspect` or stringified (each overflows the stack), so deeper JSON counts as unreadable.
 */
export const MAX_JSON_DEPTH = 32;

/** Parses text that must hold a JSON object; anything else (array, number, broken or too deeply nested JSON) is null. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return nestsAtMost(value, MAX_JSON_DEPTH) ? (value as Record<string, unknown>) : null;
}

/** Whether no object or array lies more than maxDepth levels down (the root is level 1); iterative, so any depth is safe. */
function nestsAtMost(root: object, maxDepth: number): boolean {
  const pending: [object, number][] = [[root, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (depth > maxDepth) return false;
    for (const child of Object.values(node) as unknown[]) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return true;
}
