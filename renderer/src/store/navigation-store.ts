import { create } from 'zustand';

export const sections = ['inspector', 'health', 'profiles', 'customers'] as const;
export type Section = (typeof sections)[number];

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (sections as readonly string[]).includes(value);
}

interface NavigationState {
  /** The section shown in the main area; each section's own state lives in its store and survives switching. */
  readonly section: Section;
  readonly setSection: (section: Section) => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  section: 'inspector',
  setSection: (section) => set({ section }),
}));
