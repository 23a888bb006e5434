import { MAX_INSPECTABLE_LENGTH } from '../../shared/inspector/inspect';

/**
 * Reads piped standard input as UTF-8, stopping a little past the inspector's bound so `cat huge-file |` cannot
 * exhaust memory; the inspector then reports the input as too long.
 */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const limit = MAX_INSPECTABLE_LENGTH * 4 + 1;
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.length > limit) break;
  }
  return text;
}
