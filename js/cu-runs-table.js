// <cu-runs-table>: the CU cost table as a custom element, shipped in pkg/.
//
//   <head> <script type="module" src="/pkg/cu-runs-table.js"></script> </head>
//   <body>
//     <cu-runs-table api-base="https://api.example.com" org-id="org_123"
//                    page-size="20" price-per-cu="0.002" currency="USD"></cu-runs-table>
//     <script> document.querySelector('cu-runs-table').token = '...'; </script>
//   </body>
//
// The token comes by property (`el.token = ...` or `el.getToken = fn`), never
// by attribute; it may be set before this module has defined the element
// (as above: the classic script runs first) or after. It is write-only
// (`el.token` and `el.getToken` read undefined; `el.options()` leaves it
// out) and forgotten when `api-base` or `credentials` changes. The UI's
// words come by property too (`el.messages = de`, e.g. the catalog of
// `locales/de.js`). The element mounts when connected (and given a token),
// unmounts when disconnected, and remounts when an attribute or `messages`
// changes.
import init, { mount } from './cu_cost_table.js';

let ready;
// A failed init (the wasm not found, say) is not kept: the next change tries again.
const initOnce = () => (ready ??= init().catch((error) => { ready = undefined; throw error; }));

// A true/false attribute: "true" or "false" (empty is left out, as every
// empty attribute is: the option's default); any other text reaches mount
// as it is, which names the option in its error (`charts="no"`: "charts
// must be true or false").
const flag = (v) => (v === 'true' ? true : v === 'false' ? false : v);

// Number attributes reach mount as their text: it reads numbers from their
// decimal digits (exactly, never through a binary float) and names the
// option when the text is no number (`page-size="twenty"`, `"0x10"`).
const ATTRIBUTES = {
  'api-base': ['apiBase', String],
  'org-id': ['orgId', String],
  'page-size': ['pageSize', String],
  'price-per-cu': ['pricePerCu', String],
  currency: ['currency', String],
  locale: ['locale', String],
  'time-zone': ['timeZone', String],
  'billing-time-zone': ['billingTimeZone', String],
  heading: ['title', String],
  'max-runs': ['maxRuns', String],
  'timeout-ms': ['timeoutMs', String],
  charts: ['charts', flag],
  'csv-total-row': ['csvTotalRow', flag],
  'refresh-seconds': ['refreshSeconds', String],
  columns: ['columns', (v) => v.split(',').map((key) => key.trim()).filter(Boolean)],
  credentials: ['credentials', String],
  period: ['period', String],
  'week-starts-on': ['weekStartsOn', String],
  'budget-cu': ['budgetCu', String],
  'budget-period': ['budgetPeriod', String],
  'money-decimals': ['moneyDecimals', String],
  'group-by': ['groupBy', String],
  granularity: ['granularity', String],
  // JSON; text that is not JSON reaches mount as a string, which names the option in its error.
  'workflow-names': ['workflowNames', (v) => { try { return JSON.parse(v); } catch { return v; } }],
  now: ['now', String],
  ledger: ['ledger', (v) => (v === 'true' ? true : v === 'false' ? false : v)],
};

// On a server (an SSR build imports modules there first) there is no
// HTMLElement: the class extends a plain one and nothing is defined.
const Base = globalThis.HTMLElement ?? class {};

export class CuRunsTable extends Base {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  #handle = null;
  #token = undefined;
  #getToken = undefined;
  #messages = undefined;
  #generation = 0;
  #connected = false;

  constructor() {
    super();
    // A page script may set `token` or `getToken` before this module defines
    // the element (a classic script after the element runs before a module
    // script in the head). The value then sits on the element as an own
    // property that hides the setter: take it and pass it through the setter.
    for (const name of ['token', 'getToken', 'messages']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  /** The bearer token (write-only: reading it gives undefined). */
  set token(value) {
    this.#token = value;
    this.#schedule();
  }
  get token() {
    return undefined;
  }

  /** The UI's words: any subset of the message catalog (see `mount`). */
  set messages(value) {
    this.#messages = value;
    this.#schedule();
  }
  get messages() {
    return this.#messages;
  }

  /** A function returning the token or a promise of it, called per request. */
  set getToken(fn) {
    this.#getToken = fn;
    this.#schedule();
  }
  get getToken() {
    return undefined;
  }

  connectedCallback() {
    this.#connected = true;
    this.#schedule();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    // A token is for one API and one credentials mode: when either changes
    // (set, changed or removed) once the element has been connected, forget
    // it; the host sets the token again for the new target. Attributes the
    // element has before it is first connected are its first settings.
    if ((name === 'api-base' || name === 'credentials') && this.#connected) {
      this.#token = undefined;
      this.#getToken = undefined;
    }
    this.#schedule();
  }

  /** The options `mount` receives from the attributes (never the token). */
  options() {
    const options = {};
    for (const [attr, [key, convert]] of Object.entries(ATTRIBUTES)) {
      const value = this.getAttribute(attr);
      if (value !== null && value !== '') options[key] = convert(value);
    }
    return options;
  }

  /** What `mount` receives: the options and the token (or getToken). */
  #mountOptions() {
    const options = this.options();
    if (this.#messages !== undefined) options.messages = this.#messages;
    if (this.#getToken) options.getToken = this.#getToken;
    else if (this.#token) options.token = this.#token;
    return options;
  }

  async #schedule() {
    const generation = ++this.#generation;
    let failed = null;
    try {
      await initOnce();
    } catch (error) {
      failed = error;
    }
    // Only the latest change mounts, and only while connected.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    if (failed) {
      this.#fail(`the package could not load (${failed.message})`);
      return;
    }
    if (!this.#token && !this.#getToken) return; // waits for el.token / el.getToken
    try {
      this.#handle = mount(this, this.#mountOptions());
    } catch (error) {
      this.#fail(error.message);
    }
  }

  // The start error in place of the table, and `cu-runs:error` (during "mount").
  #fail(message) {
    const box = document.createElement('div');
    box.className = 'cu-root cu-fatal';
    box.setAttribute('role', 'alert');
    box.textContent = `The CU cost table could not start: ${message}.`;
    this.replaceChildren(box);
    this.dispatchEvent(new CustomEvent('cu-runs:error', { bubbles: true, detail: { status: null, message, details: null, requestId: null, during: 'mount' } }));
  }

  #unmount() {
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle.free();
      this.#handle = null;
    }
    this.replaceChildren();
  }
}

if (globalThis.customElements && !customElements.get('cu-runs-table')) customElements.define('cu-runs-table', CuRunsTable);
