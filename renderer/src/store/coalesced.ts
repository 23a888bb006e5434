/**
 * Runs `task` now; asked again while it runs, runs it once more right after, however often it was asked meanwhile.
 * A burst of change events (a check of ten profiles) then costs two reads of the list, not ten, and the last read
 * always starts after the last event, so nothing learned is missed. Callers wait for the read that includes them.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  // Read through a call: `again` changes while the task is awaited, which the loop condition must see.
  const askedAgain = (): boolean => again;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (askedAgain());
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
