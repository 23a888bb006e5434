import { create } from 'zustand';
import type { MethodResponse } from '../../../shared/ipc/contract';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import { samDesk } from '../bridge/install-bridge';
import { useNavigationStore } from './navigation-store';
import { checkForm, emptyForm, formFromProfile, groupErrors, type EditorForm, type FieldMessage, type FormErrors } from '../features/profiles/editor-form';

export type ListedProfile = MethodResponse<'profiles.list'>['profiles'][number];
export type DamagedFile = NonNullable<MethodResponse<'profiles.list'>['damaged']>;

/** A line for the details pane after an action: t(messageKey, values). */
export interface ProfileNotice extends FieldMessage {
  readonly intent: 'success' | 'warning';
}

export interface EditorState {
  readonly mode: 'new' | 'edit';
  /** The profile being edited; null for a new one. */
  readonly id: string | null;
  readonly form: EditorForm;
  /** What the form held when it opened, to tell whether leaving loses changes. */
  readonly initial: EditorForm;
  readonly errors: FormErrors;
  readonly saving: boolean;
  readonly hasStoredClientSecret: boolean;
}

interface ProfilesState {
  readonly profiles: readonly ListedProfile[];
  readonly damaged: DamagedFile | null;
  readonly loaded: boolean;
  readonly error: IpcErrorCode | null;
  readonly selectedId: string | null;
  readonly editor: EditorState | null;
  readonly notice: ProfileNotice | null;
  /** An action waiting for the person to confirm that unsaved editor changes may be discarded. */
  readonly pendingLeave: (() => void) | null;
  readonly load: () => Promise<void>;
  readonly select: (id: string) => void;
  /** Follows main's requests to show a profile (a sam-desk:// link); returns the unsubscribe function. */
  readonly watchFocus: () => () => void;
  readonly openNew: () => void;
  readonly openEdit: (id: string) => void;
  readonly setField: <K extends keyof EditorForm>(key: K, value: EditorForm[K]) => void;
  readonly closeEditor: () => void;
  readonly confirmLeave: () => void;
  readonly cancelLeave: () => void;
  readonly save: () => Promise<void>;
  readonly duplicate: (id: string) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
  readonly dismissNotice: () => void;
}

export function isDirty(editor: EditorState | null): boolean {
  if (!editor) return false;
  return (Object.keys(editor.form) as (keyof EditorForm)[]).some((key) => editor.form[key] !== editor.initial[key]);
}

export const useProfilesStore = create<ProfilesState>()((set, get) => {
  /** Runs the action now, or after the person agrees to drop unsaved changes in the editor. */
  const guarded = (action: () => void): void => {
    if (isDirty(get().editor)) set({ pendingLeave: action });
    else action();
  };
  const openEditor = (mode: 'new' | 'edit', id: string | null, form: EditorForm, hasStoredClientSecret: boolean): void =>
    set({ editor: { mode, id, form, initial: form, errors: {}, saving: false, hasStoredClientSecret }, notice: null });

  return {
    profiles: [],
    damaged: null,
    loaded: false,
    error: null,
    selectedId: null,
    editor: null,
    notice: null,
    pendingLeave: null,

    async load() {
      try {
        const { profiles, damaged } = await samDesk().profiles.list({});
        const selectedId = get().selectedId;
        set({
          profiles,
          damaged,
          loaded: true,
          error: null,
          selectedId: selectedId && profiles.some((profile) => profile.id === selectedId) ? selectedId : null,
        });
      } catch (error) {
        set({ error: errorCodeOf(error), loaded: true });
      }
    },

    watchFocus() {
      return samDesk().profiles.onFocus(({ profileId }) => {
        useNavigationStore.getState().setSection('profiles');
        void get()
          .load()
          .then(() => get().select(profileId));
      });
    },

    select(id) {
      if (get().selectedId === id && !get().editor) return;
      guarded(() => set({ selectedId: id, editor: null, notice: null }));
    },

    openNew() {
      guarded(() => openEditor('new', null, emptyForm, false));
    },

    openEdit(id) {
      const profile = get().profiles.find((candidate) => candidate.id === id);
      if (!profile) return;
      guarded(() => {
        set({ selectedId: id });
        openEditor('edit', id, formFromProfile(profile), profile.hasClientSecret);
      });
    },

    setField(key, value) {
      const editor = get().editor;
      if (!editor) return;
      // A field's error goes once it is edited; the rest stay until the next save.
      const cleared: readonly string[] = key === 'portMode' ? [key, 'port'] : [key];
      const errors: FormErrors = Object.fromEntries(Object.entries(editor.errors).filter(([field]) => !cleared.includes(field)));
      set({ editor: { ...editor, form: { ...editor.form, [key]: value }, errors } });
    },

    closeEditor() {
      guarded(() => set({ editor: null }));
    },

    confirmLeave() {
      const action = get().pendingLeave;
      set({ pendingLeave: null, editor: null });
      action?.();
    },

    cancelLeave() {
      set({ pendingLeave: null });
    },

    async save() {
      const editor = get().editor;
      if (!editor || editor.saving) return;
      const checked = checkForm(editor.form, editor.hasStoredClientSecret, editor.mode === 'edit' ? editor.initial : null);
      if (!checked.ok) {
        set({ editor: { ...editor, errors: checked.errors } });
        return;
      }
      set({ editor: { ...editor, errors: {}, saving: true } });
      const stillEditing = (): EditorState | null => {
        const current = get().editor;
        return current && current.mode === editor.mode && current.id === editor.id ? current : null;
      };
      try {
        const result =
          editor.mode === 'edit' && editor.id
            ? await samDesk().profiles.update({ id: editor.id, input: checked.input, secrets: checked.secrets })
            : await samDesk().profiles.create({ input: checked.input, secrets: checked.secrets });
        const current = stillEditing();
        if (!result.ok) {
          if (current) set({ editor: { ...current, errors: groupErrors(result.errors), saving: false } });
          return;
        }
        await get().load();
        set({
          editor: null,
          selectedId: result.profile.id,
          notice: result.refreshTokenCleared
            ? { intent: 'warning', messageKey: 'profilesView.refreshTokenCleared' }
            : { intent: 'success', messageKey: 'profilesView.savedProfile', values: { name: result.profile.displayName } },
        });
      } catch (error) {
        const current = stillEditing();
        if (current) set({ editor: { ...current, saving: false }, error: errorCodeOf(error) });
      }
    },

    async duplicate(id) {
      try {
        const result = await samDesk().profiles.duplicate({ id });
        if (!result.ok) {
          const first = result.errors[0];
          set({ notice: first ? { intent: 'warning', messageKey: first.messageKey, ...(first.values ? { values: first.values } : {}) } : null });
          return;
        }
        await get().load();
        set({ selectedId: result.profile.id, editor: null, notice: { intent: 'success', messageKey: 'profilesView.duplicated', values: { name: result.profile.displayName } } });
      } catch (error) {
        set({ error: errorCodeOf(error) });
      }
    },

    async remove(id) {
      const name = get().profiles.find((profile) => profile.id === id)?.displayName ?? '';
      try {
        const { keychainCleanupFailed } = await samDesk().profiles.remove({ id });
        await get().load();
        set({
          selectedId: null,
          editor: null,
          notice: keychainCleanupFailed
            ? { intent: 'warning', messageKey: 'profiles.errors.keychainCleanup', values: { id } }
            : { intent: 'success', messageKey: 'profilesView.removed', values: { name } },
        });
      } catch (error) {
        set({ error: errorCodeOf(error) });
      }
    },

    dismissNotice() {
      set({ notice: null });
    },
  };
});
