import { useProfilesStore, type EditorState } from '../../../store/profiles-store';

const closed: EditorState | null = null;

/** The open editor's state and its setter, for the field groups of the profile editor. */
export function useEditor() {
  const editor = useProfilesStore((state) => state.editor ?? closed);
  const setField = useProfilesStore((state) => state.setField);
  if (!editor) throw new Error('the profile editor is not open');
  return { editor, form: editor.form, errors: editor.errors, setField };
}
