import { create } from 'zustand';
import { errorCodeOf, type IpcErrorCode } from '../../../shared/ipc/errors';
import type { SamErrorCode } from '../../../shared/sam/error-codes';
import { samDesk } from '../bridge/install-bridge';
import { followMainClock } from '../clock/main-clock';
import { auditRequest, noAuditFilter, type AuditFilterForm } from './audit-filter';
import { checkAllAnswered, checkAllHeard, checkAllStarted, idleCheckAll, type CheckAll } from './check-all';
import { coalesced } from './coalesced';
import { isConsentActive, useConsentStore, type SamDetail } from './consent-store';
import { mergeEntries, type AuditEvent, type HealthEntry, type HealthSettings } from './health-entries';
import { pushNotification, type HealthNotification } from './health-notifications';
import { useNavigationStore } from './navigation-store';

export type { AuditEvent, HealthEntry, HealthSettings } from './health-entries';

/**
 * The Token health section: every profile's health from main's last-known facts (so it shows offline too), the
 * checks and refreshes the admin starts from it, the settings of the scheduled check, a profile's timeline, the
 * audit log with its filters, and the notifications main sends when a profile gets worse.
 */
export type HealthView = 'dashboard' | 'audit' | 'settings';
export type HealthBusy = 'checking' | 'refreshing' | 'repairing';
export type KeyVaultRepair = 'recover' | 'enable' | 'write';

/** Why the last check or refresh of one profile did not answer with its health. */
export type HealthActionFailure =
  | { readonly kind: 'sam'; readonly action: 'check' | 'refresh' | 'repair'; readonly error: SamErrorCode; readonly detail: SamDetail }
  | { readonly kind: 'ipc'; readonly action: 'check' | 'refresh' | 'repair'; readonly code: IpcErrorCode };

export interface TimelineState {
  readonly profileId: string;
  readonly events: readonly AuditEvent[];
  readonly loading: boolean;
  readonly error: IpcErrorCode | null;
}

export interface AuditState {
  readonly filter: AuditFilterForm;
  readonly events: readonly AuditEvent[];
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error: IpcErrorCode | null;
}

interface HealthState {
  readonly entries: readonly HealthEntry[];
  readonly settings: HealthSettings | null;
  readonly loaded: boolean;
  readonly error: IpcErrorCode | null;
  readonly view: HealthView;
  /** The profile whose page is shown; null shows the dashboard. */
  readonly openId: string | null;
  /** The profile whose page was closed last: the dashboard puts focus back on its row. */
  readonly returnTo: string | null;
  readonly busy: Readonly<Record<string, HealthBusy>>;
  readonly failures: Readonly<Record<string, HealthActionFailure>>;
  readonly checkAll: CheckAll;
  readonly timeline: TimelineState | null;
  readonly audit: AuditState;
  readonly notifications: readonly HealthNotification[];
  readonly load: () => Promise<void>;
  /** Checks one profile, or every profile without an id. */
  readonly check: (profileId?: string) => Promise<void>;
  /** Refresh now: redeems (and so rotates) the refresh token, then checks. */
  readonly refresh: (profileId: string) => Promise<void>;
  /** Recovers, enables or rewrites the profile's Key Vault secret, then shows its health as checked after. */
  readonly repairKeyVault: (profileId: string, repair: KeyVaultRepair) => Promise<void>;
  /** Starts a reconsent and opens the profile's page, where the sign-in link and the progress show. */
  readonly reconsent: (profileId: string) => void;
  readonly saveSettings: (settings: HealthSettings) => Promise<void>;
  readonly setView: (view: HealthView) => void;
  /** Shows a profile's page (from the dashboard, or a notification while another section is shown). */
  readonly openProfile: (profileId: string) => void;
  readonly closeProfile: () => void;
  readonly loadTimeline: () => Promise<void>;
  readonly setAuditFilter: (change: Partial<AuditFilterForm>) => void;
  readonly loadAudit: () => Promise<void>;
  readonly exportAudit: (format: 'jsonl' | 'csv') => Promise<string>;
  readonly dismissNotification: (id: number) => void;
  /** Follows health.changed, health.notify and finished consents; returns the unsubscribe function. */
  readonly watch: () => () => void;
}

type OneEntryAnswer = { readonly ok: true; readonly entry: HealthEntry } | { readonly ok: false; readonly error: SamErrorCode; readonly detail: SamDetail };

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));

/** A profile's story: enough for its page; the audit log view reads more. */
const TIMELINE_LIMIT = 200;

export const useHealthStore = create<HealthState>()((set, get) => {
  // Change events come in bursts (one per fact learned): the list is read again at most once more per burst.
  const reload = coalesced(() => get().load());
  let nextNotificationId = 1;
  let auditRequestId = 0;

  const failed = (profileId: string, failure: HealthActionFailure): void => set((state) => ({ failures: { ...state.failures, [profileId]: failure } }));
  const started = (profileId: string, busy: HealthBusy): void => set((state) => ({ busy: { ...state.busy, [profileId]: busy }, failures: without(state.failures, profileId) }));
  const finished = (profileId: string): void => set((state) => ({ busy: without(state.busy, profileId) }));
  /** One profile's Refresh now or Key Vault fix: busy while it runs, then its new entry, or why there is none. */
  const runOne = async (profileId: string, busy: HealthBusy, action: 'refresh' | 'repair', call: () => Promise<OneEntryAnswer>): Promise<void> => {
    if (get().busy[profileId]) return;
    started(profileId, busy);
    try {
      const answer = await call();
      if (answer.ok) set((state) => ({ entries: mergeEntries(state.entries, [answer.entry]) }));
      else failed(profileId, { kind: 'sam', action, error: answer.error, detail: answer.detail });
    } catch (error) {
      failed(profileId, { kind: 'ipc', action, code: errorCodeOf(error) });
    } finally {
      finished(profileId);
    }
  };

  return {
    entries: [],
    settings: null,
    loaded: false,
    error: null,
    view: 'dashboard',
    openId: null,
    returnTo: null,
    busy: {},
    failures: {},
    checkAll: idleCheckAll,
    timeline: null,
    audit: { filter: noAuditFilter, events: [], loading: false, loaded: false, error: null },
    notifications: [],

    async load() {
      try {
        const { entries, settings, now } = await samDesk().health.list({});
        followMainClock(now);
        set({ entries, settings, loaded: true, error: null });
      } catch (error) {
        set({ loaded: true, error: errorCodeOf(error) });
      }
    },

    async check(profileId) {
      if (profileId === undefined) {
        if (get().checkAll.phase === 'running') return;
        set({ checkAll: checkAllStarted(get().entries.length) });
        try {
          const answer = await samDesk().health.check({});
          set((state) => ({ checkAll: checkAllAnswered(answer), ...(answer.ok ? { entries: mergeEntries(state.entries, answer.entries) } : {}) }));
        } catch (error) {
          set({ checkAll: { phase: 'unavailable', code: errorCodeOf(error) } });
        }
        await reload();
        return;
      }
      if (get().busy[profileId]) return;
      started(profileId, 'checking');
      try {
        const answer = await samDesk().health.check({ profileId });
        if (answer.ok) set((state) => ({ entries: mergeEntries(state.entries, answer.entries) }));
        else failed(profileId, { kind: 'sam', action: 'check', error: answer.error, detail: answer.detail });
      } catch (error) {
        failed(profileId, { kind: 'ipc', action: 'check', code: errorCodeOf(error) });
      } finally {
        finished(profileId);
      }
    },

    async refresh(profileId) {
      // A redemption Microsoft refuses still answers ok: the refusal is a fact of the entry (its last error).
      await runOne(profileId, 'refreshing', 'refresh', () => samDesk().health.refresh({ profileId }));
    },

    async repairKeyVault(profileId, repair) {
      await runOne(profileId, 'repairing', 'repair', () => samDesk().health.repairKeyVault({ profileId, repair }));
      // The timeline shows the repair's audit entry.
      if (get().openId === profileId) void get().loadTimeline();
    },

    reconsent(profileId) {
      void useConsentStore.getState().start(profileId);
      get().openProfile(profileId);
    },

    async saveSettings(settings) {
      const saved = await samDesk().health.settings(settings);
      set({ settings: saved });
      // The threshold decides what counts as expiring: every assessment may have changed.
      await reload();
    },

    setView(view) {
      set({ view });
      if (view === 'audit') void get().loadAudit();
    },

    openProfile(profileId) {
      set({ view: 'dashboard', openId: profileId });
      useNavigationStore.getState().setSection('health');
      void get().loadTimeline();
    },

    closeProfile() {
      set((state) => ({ openId: null, timeline: null, returnTo: state.openId }));
    },

    async loadTimeline() {
      const profileId = get().openId;
      if (!profileId) return;
      set((state) => ({ timeline: { profileId, events: state.timeline?.profileId === profileId ? state.timeline.events : [], loading: true, error: null } }));
      try {
        const { events } = await samDesk().audit.list({ profileId, limit: TIMELINE_LIMIT });
        if (get().openId === profileId) set({ timeline: { profileId, events, loading: false, error: null } });
      } catch (error) {
        if (get().openId === profileId) set((state) => ({ timeline: { profileId, events: state.timeline?.events ?? [], loading: false, error: errorCodeOf(error) } }));
      }
    },

    setAuditFilter(change) {
      set((state) => ({ audit: { ...state.audit, filter: { ...state.audit.filter, ...change } } }));
      void get().loadAudit();
    },

    async loadAudit() {
      const request = ++auditRequestId;
      const { filter } = get().audit;
      set((state) => ({ audit: { ...state.audit, loading: true } }));
      try {
        const { events } = await samDesk().audit.list(auditRequest(filter));
        // A newer filter was asked for meanwhile: its answer, not this one, is what the table shows.
        if (request === auditRequestId) set((state) => ({ audit: { ...state.audit, events, loading: false, loaded: true, error: null } }));
      } catch (error) {
        if (request === auditRequestId) set((state) => ({ audit: { ...state.audit, loading: false, loaded: true, error: errorCodeOf(error) } }));
      }
    },

    async exportAudit(format) {
      const { text } = await samDesk().audit.export({ filter: auditRequest(get().audit.filter), format });
      return text;
    },

    dismissNotification(id) {
      set((state) => ({ notifications: state.notifications.filter((notification) => notification.id !== id) }));
    },

    watch() {
      const stopChanged = samDesk().health.onChanged(({ profileId }) => {
        set((state) => ({ checkAll: checkAllHeard(state.checkAll, profileId) }));
        void reload();
        if (get().timeline?.profileId === profileId) void get().loadTimeline();
        if (get().view === 'audit' && get().audit.loaded) void get().loadAudit();
      });
      const stopNotify = samDesk().health.onNotify((payload) => {
        set((state) => ({ notifications: pushNotification(state.notifications, { ...payload, id: nextNotificationId++ }) }));
      });
      // A finished consent changes the profile's facts; health.changed says so too, but the page should not wait for it.
      const stopConsent = useConsentStore.subscribe((state, previous) => {
        for (const [profileId, run] of Object.entries(state.runs)) {
          if (!isConsentActive(run) && isConsentActive(previous.runs[profileId])) {
            void reload();
            if (get().timeline?.profileId === profileId) void get().loadTimeline();
          }
        }
      });
      return () => {
        stopChanged();
        stopNotify();
        stopConsent();
      };
    },
  };
});
