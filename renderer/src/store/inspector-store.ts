import { create } from 'zustand';
import { MAX_TOKEN_INPUT_LENGTH } from '../../../shared/ipc/contract';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import type { Inspection } from '../../../shared/inspector/inspection';
import { samDesk } from '../bridge/install-bridge';

interface InspectorState {
  /** The pasted text stays in this window's memory only: never persisted, never logged. */
  readonly input: string;
  readonly inspection: Inspection | null;
  readonly busy: boolean;
  readonly tooLong: boolean;
  readonly error: IpcErrorCode | null;
  readonly setInput: (input: string) => void;
  readonly clear: () => void;
}

let sequence = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const DEBOUNCE_MS = 120;

export const useInspectorStore = create<InspectorState>()((set) => ({
  input: '',
  inspection: null,
  busy: false,
  tooLong: false,
  error: null,
  setInput(input) {
    clearTimeout(timer);
    const tooLong = input.length > MAX_TOKEN_INPUT_LENGTH;
    const blank = input.trim() === '';
    set({ input, tooLong, error: null, busy: !tooLong && !blank, ...(blank || tooLong ? { inspection: null } : {}) });
    if (blank || tooLong) return;
    const mine = ++sequence;
    timer = setTimeout(() => {
      samDesk()
        .tokens.inspect({ input })
        // Only the answer to the latest input may land: typing fast must not show an older token's result.
        .then((inspection) => mine === sequence && set({ inspection, busy: false }))
        .catch((error: unknown) => mine === sequence && set({ error: errorCodeOf(error), busy: false, inspection: null }));
    }, DEBOUNCE_MS);
  },
  clear() {
    clearTimeout(timer);
    sequence += 1;
    set({ input: '', inspection: null, busy: false, tooLong: false, error: null });
  },
}));
