/* global window, document, MutationObserver, requestAnimationFrame */
// Injected into SAM Desk's page (Playwright addInitScript) before any of the app's scripts run. It only watches and
// times: it reads the DOM, listens to events on window, and clicks the Customers tab when asked to (as a person
// would, but with no delay, so what is timed is the app). All times are performance.now(): milliseconds since
// the navigation started. window.samDeskBenchConfig (set by an init script before this one) says what to expect.
(() => {
  const config = window.samDeskBenchConfig ?? {};
  /** name → mark; a Map, so that marks can be forgotten and noted again. */
  const marks = new Map();
  let lastClickAt = null;

  /** Resolves after the frame that follows now has been produced: a task posted from rAF runs after that frame's paint. */
  const afterNextPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const attribute = (id, name) => byTestId(id)?.getAttribute(name) ?? null;

  /** What is noted once, the first time it holds: name → test. */
  const conditions = {
    customersTab: () => byTestId('nav-customers') !== null,
    customersFirstRow: () => byTestId('customers-table-row') !== null,
    customersTotal: () => config.customers !== undefined && attribute('customers-count', 'data-total') === String(config.customers),
    customersLive: () => attribute('customers-status', 'data-source') === 'live',
    customersOffline: () => attribute('customers-status', 'data-offline') === 'true',
    usersFirstRow: () => byTestId('users-table-row') !== null,
    usersTotal: () => config.users !== undefined && attribute('users-count', 'data-total') === String(config.users),
    usersLive: () => attribute('users-status', 'data-source') === 'live',
    usersOffline: () => attribute('users-status', 'data-offline') === 'true',
  };

  /** name → callbacks waiting for that mark's frame to be painted. */
  const waiting = new Map();

  const note = (name) => {
    const at = performance.now();
    const mark = { at, paintedAt: null, afterClick: lastClickAt === null ? null : at - lastClickAt };
    marks.set(name, mark);
    void afterNextPaint().then((paintedAt) => {
      mark.paintedAt = paintedAt;
      for (const wake of waiting.get(name) ?? []) wake();
      waiting.delete(name);
    });
  };

  const check = () => {
    for (const [name, holds] of Object.entries(conditions)) if (!marks.has(name) && holds()) note(name);
    if (config.autoOpen && !marks.has('customersTabClicked') && marks.has('customersTab')) {
      const tab = byTestId('nav-customers');
      if (tab) {
        lastClickAt = performance.now();
        note('customersTabClicked');
        tab.click();
      }
    }
  };

  const watcher = new MutationObserver(check);
  const watch = () => watcher.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-total', 'data-source', 'data-offline', 'data-shown'] });
  watch();
  window.addEventListener('click', () => (lastClickAt = performance.now()), true);

  /** The pending keystroke measurement, if any. */
  let keystroke = null;

  window.samDeskBench = {
    marks: () => Object.fromEntries([...marks].map(([name, mark]) => [name, { ...mark }])),
    /** Resolves with the mark once its frame is painted; rejects after timeoutMs. */
    whenPainted: (name, timeoutMs) =>
      new Promise((resolve, reject) => {
        const copy = () => ({ ...marks.get(name) });
        if (marks.get(name)?.paintedAt != null) {
          resolve(copy());
          return;
        }
        const timer = setTimeout(() => reject(new Error(`no ${name} within ${String(timeoutMs)} ms`)), timeoutMs);
        const wakers = waiting.get(name) ?? [];
        wakers.push(() => {
          clearTimeout(timer);
          resolve(copy());
        });
        waiting.set(name, wakers);
      }),
    firstContentfulPaint: () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    /** Forgets marks so that they can be noted again (another customer's users). */
    forget: (names) => {
      for (const name of names) marks.delete(name);
    },
    /** Stops watching the DOM, so that a keystroke's timing carries none of this probe's work. */
    stopWatching: () => watcher.disconnect(),
    startWatching: () => {
      watch();
      check();
    },

    /**
     * Times the next keystroke: from its keydown reaching the page to the first moment the table's DOM reflects it (the
     * search box holds `value` and the count element says `shown`). React renders and commits a keystroke's update
     * inside its own input listener (a discrete event), which runs before a listener on window in the bubble phase, so
     * that listener is where the DOM is read first. Should the app update later (deferred rendering), a task posted
     * from the input event and a MutationObserver on the count (when the count changes) catch the later update. Also
     * notes when the next frame was painted.
     */
    armKeystroke: ({ countTestId, value, shown, timeoutMs }) => {
      const input = document.activeElement;
      let downAt = null;
      let inputSeen = false;
      let inputAt = null;
      let finished = false;
      keystroke = new Promise((resolve, reject) => {
        const satisfied = () => input?.value === value && attribute(countTestId, 'data-shown') === String(shown);
        const countObserver = new MutationObserver(() => {
          if (inputSeen && satisfied()) done();
        });
        const count = byTestId(countTestId);
        if (count) countObserver.observe(count, { attributes: true, attributeFilter: ['data-shown'] });
        const onKeyDown = () => {
          if (downAt === null) downAt = performance.now();
        };
        const onInputCapture = () => {
          inputSeen = true;
          if (inputAt === null) inputAt = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            if (satisfied()) done();
          };
          channel.port2.postMessage(null);
        };
        const onInput = () => {
          if (satisfied()) done();
        };
        const cleanUp = () => {
          finished = true;
          clearTimeout(timer);
          countObserver.disconnect();
          window.removeEventListener('keydown', onKeyDown, true);
          window.removeEventListener('input', onInputCapture, true);
          window.removeEventListener('input', onInput);
        };
        function done() {
          if (finished) return;
          const reflectedAt = performance.now();
          cleanUp();
          void afterNextPaint().then((paintedAt) => resolve({ ms: reflectedAt - (downAt ?? reflectedAt), inputMs: reflectedAt - (inputAt ?? reflectedAt), toPaintMs: paintedAt - (downAt ?? paintedAt), rows: document.querySelectorAll(`[data-testid$="-table-row"]`).length }));
        }
        const timer = setTimeout(() => {
          if (finished) return;
          cleanUp();
          reject(new Error(`the table did not show ${String(shown)} rows for "${value}" (it shows ${String(attribute(countTestId, 'data-shown'))} for "${String(input?.value)}")`));
        }, timeoutMs);
        window.addEventListener('keydown', onKeyDown, true);
        window.addEventListener('input', onInputCapture, true);
        window.addEventListener('input', onInput);
      });
      return true;
    },
    keystrokeResult: () => keystroke,

    /**
     * The baseline: the same search as plain JavaScript over the same strings (one lower-cased, accent-folded string
     * per row, as the app keeps them), no React, no DOM. Every query scans all rows (no narrowing from the previous
     * one) and collects the matching indices. Returns each query's time and match count.
     */
    plainSearch: ({ haystacks, queries }) =>
      queries.map((terms) => {
        const start = performance.now();
        const matches = [];
        for (let index = 0; index < haystacks.length; index += 1) {
          const haystack = haystacks[index];
          let all = true;
          for (const term of terms) {
            if (!haystack.includes(term)) {
              all = false;
              break;
            }
          }
          if (all) matches.push(index);
        }
        return { ms: performance.now() - start, count: matches.length };
      }),

    /** Rows in the DOM for a table, and how many of them a person can see in its viewport (the least a table needs). */
    domRows: (tableTestId) => {
      const grid = byTestId(tableTestId);
      const rows = [...document.querySelectorAll(`[data-testid="${tableTestId}-row"]`)];
      if (!grid) return { rows: rows.length, visible: 0 };
      const box = grid.getBoundingClientRect();
      const visible = rows.filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom && rect.height > 0;
      }).length;
      return { rows: rows.length, visible };
    },
  };
})();
