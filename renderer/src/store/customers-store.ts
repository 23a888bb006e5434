import i18next from 'i18next';
import { create } from 'zustand';
import { isLanguage } from '../../../shared/i18n/languages';
import type { CustomerRow, UserRow } from '../../../shared/partner-center/rows';
import { samDesk } from '../bridge/install-bridge';
import { emptyDataSet, syncAnswered, syncStarted, withCached, withProgress, type DataSet } from './data-set';

/**
 * The Customers section: which profile's customers are shown, the customers, and the users of the open customer.
 * Opening a profile shows its saved copy at once (no network needed), then refreshes it from Partner Center.
 */
const PROFILE_KEY = 'sam-desk.customers.profile';

interface CustomersState {
  readonly profileId: string | null;
  readonly customers: DataSet<CustomerRow>;
  /** The customer whose users are shown; null shows the customers table. */
  readonly customer: CustomerRow | null;
  readonly users: DataSet<UserRow>;
  /** Shows a profile's customers: the saved copy first, then a refresh when `refresh` is set. */
  readonly openProfile: (profileId: string, options: { readonly refresh: boolean }) => Promise<void>;
  readonly refreshCustomers: () => Promise<void>;
  readonly cancelCustomers: () => Promise<void>;
  readonly openCustomer: (customer: CustomerRow, options: { readonly refresh: boolean }) => Promise<void>;
  readonly closeCustomer: () => void;
  readonly refreshUsers: () => Promise<void>;
  readonly cancelUsers: () => Promise<void>;
  /** Follows sync events for the shown profile and customer; returns the unsubscribe function. */
  readonly watch: () => () => void;
}

/** The profile the admin looked at last, so the section opens where it was left (not secret: an id). */
export function rememberedProfileId(): string | null {
  try {
    return localStorage.getItem(PROFILE_KEY);
  } catch {
    return null;
  }
}

function language() {
  return isLanguage(i18next.language) ? i18next.language : undefined;
}

function withLanguage<T extends object>(request: T): T & { language?: 'en' | 'sv' } {
  const current = language();
  return current ? { ...request, language: current } : request;
}

export const useCustomersStore = create<CustomersState>()((set, get) => ({
  profileId: null,
  customers: emptyDataSet(),
  customer: null,
  users: emptyDataSet(),

  async openProfile(profileId, { refresh }) {
    if (get().profileId !== profileId) {
      set({ profileId, customers: emptyDataSet(), customer: null, users: emptyDataSet() });
      try {
        localStorage.setItem(PROFILE_KEY, profileId);
      } catch {
        // Storage may be unavailable (a locked-down browser); the section then opens on the first profile.
      }
      const cached = await samDesk().customers.cached({ profileId });
      if (get().profileId === profileId) set((state) => ({ customers: withCached(state.customers, cached) }));
    }
    if (refresh && get().customers.sync.kind !== 'running') await get().refreshCustomers();
  },

  async refreshCustomers() {
    const { profileId } = get();
    if (!profileId) return;
    set((state) => ({ customers: syncStarted(state.customers) }));
    const answer = await samDesk().customers.sync(withLanguage({ profileId }));
    if (get().profileId === profileId) set((state) => ({ customers: syncAnswered(state.customers, answer) }));
  },

  async cancelCustomers() {
    const { profileId } = get();
    if (profileId) await samDesk().customers.cancel({ profileId });
  },

  async openCustomer(customer, { refresh }) {
    const { profileId } = get();
    if (!profileId) return;
    if (get().customer?.id !== customer.id) {
      set({ customer, users: emptyDataSet() });
      const cached = await samDesk().users.cached({ profileId, customerId: customer.id });
      if (get().customer?.id === customer.id) set((state) => ({ users: withCached(state.users, cached) }));
    }
    if (refresh && get().users.sync.kind !== 'running') await get().refreshUsers();
  },

  closeCustomer() {
    set({ customer: null });
  },

  async refreshUsers() {
    const { profileId, customer } = get();
    if (!profileId || !customer) return;
    set((state) => ({ users: syncStarted(state.users) }));
    const answer = await samDesk().users.sync(withLanguage({ profileId, customerId: customer.id }));
    if (get().customer?.id === customer.id) set((state) => ({ users: syncAnswered(state.users, answer) }));
  },

  async cancelUsers() {
    const { profileId, customer } = get();
    if (profileId && customer) await samDesk().users.cancel({ profileId, customerId: customer.id });
  },

  watch() {
    const stopCustomers = samDesk().customers.onProgress((event) => {
      if (event.profileId === get().profileId) set((state) => ({ customers: withProgress(state.customers, event) }));
    });
    const stopUsers = samDesk().users.onProgress((event) => {
      if (event.profileId === get().profileId && event.customerId === get().customer?.id) set((state) => ({ users: withProgress(state.users, event) }));
    });
    return () => {
      stopCustomers();
      stopUsers();
    };
  },
}));
