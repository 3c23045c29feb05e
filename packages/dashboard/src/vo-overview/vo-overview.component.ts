import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { OrganisationKind, Overview, OverviewFlag, OverviewRow } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { DownloadButtons } from '../download.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import { filterRows, sortRows, type RowFilter, type Sort, type SortKey } from './overview-order.ts';
import { FLAGS, flagMeanings, overviewTable } from './overview-table.ts';
import { topReasonLabels, type TopReasonLabels } from './reason-labels.ts';
import { styles } from './vo-overview.styles.ts';

type State = 'loading' | 'ready' | 'empty' | 'error';

const KINDS = ['flemish', 'local'] as const satisfies readonly OrganisationKind[];
/** The collector's own order: by organisation name, then service name. */
const COLLECTOR_ORDER: Sort = { key: 'organisation', direction: 'ascending' };

/**
 * Every service side by side for this year or last year (`GET /api/v1/overview`): steering sees
 * every organisation's active services, a provider its own. One table: organisation, service (a
 * link to its report), responses, satisfaction and last year's with their 95 % intervals, response
 * rate, share not completed, the reason ticked most (its label from the services' public
 * configuration), target, the organisation's hand-in of the year's report, and the flags decided
 * with the intervals, an alert of the last 7 days first among them. The table sorts by each name and figure, is searched by name, filtered by
 * flag and by kind of government, and grouped by policy domain on request (each domain with its
 * totals). The year's rows download as CSV.
 *
 * Accessibility criteria:
 * - a real `<table>` with a caption, `th scope="col"` per column and `th scope="row"` per service;
 *   grouped, a `th scope="rowgroup"` opens each domain;
 * - each sortable column's title is a button; the sorted column carries `aria-sort`, and a new
 *   order is announced with the number of services shown;
 * - the search field and the filters are labelled native controls; what they leave is announced
 *   ("n diensten getoond"), and an empty result says how to widen it;
 * - flags, alerts, hand-in status and "weinig antwoorden" are words, never a colour alone;
 * - the table scrolls inside its own labelled, focusable region, so that the page reflows at
 *   320 px; the `state` attribute reflects loading, ready, empty or error.
 *
 * @summary The overview of services side by side.
 * @tagname vo-overview
 */
export class VoOverview extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context'),
    state: { reflect: true },
    ...states(
      '_year',
      '_overview',
      '_labels',
      '_error',
      '_filter',
      '_sort',
      '_grouped',
      '_announcement',
    ),
  };

  declare context: DashboardContext;
  /** loading, ready, empty or error (reflected, for styling and tests). */
  declare state: State;
  declare private _year: number;
  declare private _overview: Overview | undefined;
  declare private _labels: TopReasonLabels;
  declare private _error: unknown;
  declare private _filter: RowFilter;
  /** The order chosen; undefined: the collector's. */
  declare private _sort: Sort | undefined;
  declare private _grouped: boolean;
  /** Said after a search, a filter, a grouping or a new order: how many services are shown. */
  declare private _announcement: string;
  readonly #loader = new Loader(this);
  readonly #downloads = new DownloadButtons(this);

  constructor() {
    super();
    this.state = 'loading';
    this._year = 0;
    this._overview = undefined;
    this._labels = new Map();
    this._error = undefined;
    this._filter = { query: '', flag: '', kind: '' };
    this._sort = undefined;
    this._grouped = false;
    this._announcement = '';
  }

  /** This year and last year, in Brussels. */
  get #years(): [number, number] {
    const year = Number(this.context.today.slice(0, 4));
    return [year, year - 1];
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new language or role re-renders; a new token or a new day reloads.
    if (contextMoved(changed, this.context, { today: true })) {
      if (!this.#years.includes(this._year)) this._year = this.#years[0];
      void this.#load();
    }
  }

  async #load() {
    const { api } = this.context;
    const year = this._year;
    this.state = 'loading';
    this._error = undefined;
    await this.#loader.run(
      async (signal) => {
        const overview = await api.overview(year, signal);
        return { overview, labels: await topReasonLabels(api, overview.rows, signal) };
      },
      {
        done: ({ overview, labels }) => {
          this._overview = overview;
          this._labels = labels;
          this.state = overview.rows.length === 0 ? 'empty' : 'ready';
        },
        failed: (error) => {
          this._overview = undefined;
          this._error = error;
          this.state = 'error';
        },
      },
    );
  }

  /** The rows the search and the filters leave, in the order chosen. */
  #shown(overview: Overview): OverviewRow[] {
    const found = filterRows(overview.rows, this._filter);
    return sortRows(found, this._sort, this.context.f.locale);
  }

  #shownCount(): string {
    const { t, f } = this.context;
    const count = this._overview ? this.#shown(this._overview).length : 0;
    return t.overviewShown(count, f.integer(count));
  }

  #filterBy(change: Partial<RowFilter>) {
    this._filter = { ...this._filter, ...change };
    this._announcement = this.#shownCount();
  }

  #onYear = (event: Event) => {
    this._year = Number((event.target as HTMLInputElement).value);
    this._announcement = '';
    void this.#load();
  };

  #onSearch = (event: Event) => this.#filterBy({ query: (event.target as HTMLInputElement).value });

  #onFlag = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as OverviewFlag | 'alert' | '';
    if (value === '' || value === 'alert' || FLAGS.includes(value)) this.#filterBy({ flag: value });
  };

  #onKind = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as OrganisationKind | '';
    if (value === '' || KINDS.includes(value)) this.#filterBy({ kind: value });
  };

  #onGroup = (event: Event) => {
    this._grouped = (event.target as HTMLInputElement).checked;
    this._announcement = this.#shownCount();
  };

  /** First press: ascending; the sorted column again: the other way. */
  #onSort = (key: SortKey) => {
    const { t } = this.context;
    const current = this._sort ?? COLLECTOR_ORDER;
    const direction =
      current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending';
    this._sort = { key, direction };
    const sorted = t.overviewSorted(t.overviewColumns[key], t.overviewDirections[direction]);
    this._announcement = `${sorted} ${this.#shownCount()}`;
  };

  override render() {
    const { t, role } = this.context;
    return html`
      <h1 tabindex="-1">${t.overviewHeading}</h1>
      <p>${role === 'steering' ? t.overviewIntroSteering : t.overviewIntroProvider}</p>
      ${this.#yearChoice()}
      <p class="period-status" role="status" data-status="load">${this.#loadStatus()}</p>
      ${this.#controls()}
      <p role="status" class="hint" data-status="shown">${this._announcement}</p>
      ${this.#body()}
    `;
  }

  #loadStatus(): string {
    const { t, f } = this.context;
    if (this.state === 'loading') return t.overviewLoading;
    const overview = this._overview;
    return overview ? t.overviewPeriod(f.day(overview.from), f.day(overview.to)) : '';
  }

  #yearChoice() {
    const { t } = this.context;
    const [thisYear] = this.#years;
    return html`<fieldset class="years">
      <legend>${t.overviewYear}</legend>
      ${this.#years.map(
        (year) =>
          html`<label class="choice">
            <input
              type="radio"
              name="overview-year"
              value=${year}
              .checked=${year === this._year}
              @change=${this.#onYear}
            />
            ${year === thisYear ? t.overviewThisYear(String(year)) : t.overviewLastYear(String(year))}
          </label>`,
      )}
    </fieldset>`;
  }

  /** The search field, the two filters and the grouping, side by side when they fit. */
  #controls() {
    const { t } = this.context;
    const { flag, kind, query } = this._filter;
    return html`<div class="controls">
      <div class="control search">
        <label for="overview-search">${t.overviewSearch}</label>
        <span class="hint" id="overview-search-hint">${t.overviewSearchHint}</span>
        <input
          id="overview-search"
          type="search"
          autocomplete="off"
          aria-describedby="overview-search-hint"
          .value=${query}
          @input=${this.#onSearch}
        />
      </div>
      <div class="control">
        <label for="overview-flag">${t.overviewFlagFilter}</label>
        <select id="overview-flag" @change=${this.#onFlag}>
          <option value="" ?selected=${flag === ''}>${t.overviewAllFlags}</option>
          <option value="alert" ?selected=${flag === 'alert'}>${t.overviewAlertFilter}</option>
          ${FLAGS.map(
            (value) =>
              html`<option value=${value} ?selected=${value === flag}>
                ${t.overviewFlags[value]}
              </option>`,
          )}
        </select>
      </div>
      <div class="control">
        <label for="overview-kind">${t.overviewKindFilter}</label>
        <select id="overview-kind" @change=${this.#onKind}>
          <option value="" ?selected=${kind === ''}>${t.overviewAllKinds}</option>
          ${KINDS.map(
            (value) =>
              html`<option value=${value} ?selected=${value === kind}>
                ${t.overviewKinds[value]}
              </option>`,
          )}
        </select>
      </div>
      <label class="choice group">
        <input
          id="overview-group"
          type="checkbox"
          .checked=${this._grouped}
          @change=${this.#onGroup}
        />
        ${t.overviewGroup}
      </label>
    </div>`;
  }

  #body() {
    const { t } = this.context;
    if (this.state === 'error') {
      return html`<div class="message is-error" role="alert">
        <p>${failureMessage(t, this._error)}</p>
        ${
          retryable(this._error)
            ? html`<button @click=${() => void this.#load()}>${t.retry}</button>`
            : nothing
        }
      </div>`;
    }
    const overview = this._overview;
    if (!overview) return nothing;
    if (overview.rows.length === 0) {
      return html`<div class="message is-empty" data-empty><p>${t.overviewNone}</p></div>`;
    }
    const rows = this.#shown(overview);
    return html`<div class=${this.state === 'loading' ? 'stale' : ''}>
      ${
        rows.length === 0
          ? html`<div class="message is-empty" data-none-found><p>${t.overviewNoneFound}</p></div>`
          : html`<p class="hint">${t.overviewSortHint}</p>
              ${overviewTable({
                context: this.context,
                overview,
                rows,
                sort: this._sort ?? COLLECTOR_ORDER,
                grouped: this._grouped,
                labels: this._labels,
                onSort: this.#onSort,
              })}`
      }
      <section class="panel meanings" aria-labelledby="flags-heading">
        ${flagMeanings(this.context, overview.minimum)}
      </section>
      ${this.#csv(overview.year)}
    </div>`;
  }

  /** The year's rows as CSV, whatever the search, the filters and the order. */
  #csv(year: number) {
    const { t } = this.context;
    return html`<div class="panel">
      <p class="hint">${t.overviewCsvHint(String(year))}</p>
      ${this.#downloads.buttons([
        {
          id: 'overview-csv',
          label: t.overviewCsv,
          path: '/overview',
          query: { year, format: 'csv' },
          fallbackName: `overzicht-diensten-${year}.csv`,
        },
      ])}
      ${this.#downloads.status()}
    </div>`;
  }
}
