import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ServiceInfo } from '@vo-feedback/shared';
import { mapLimited } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage } from '../errors.ts';
import { fewAnswersNote } from '../few-answers.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader, settle } from '../loader.ts';
import { yearToDateAndLastYear } from '../period.ts';
import { routeHash } from '../routes.ts';
import {
  byOrganisation,
  csatChange,
  matchingServices,
  SERVICE_SORTS,
  sortServices,
  type ServiceSort,
  type YearFigures,
} from './service-order.ts';
import { styles } from './vo-service-list.styles.ts';

type Direction = 'up' | 'down' | 'same';

/**
 * The services within the token's reach, each with this year's responses, satisfaction (csat)
 * with its interval and a trend arrow against the same period last year (1 January up to the same
 * day), beside last year's satisfaction, interval and number of answers. A steering token sees
 * them grouped by organisation name. With more than one service, a search field filters services
 * and organisations by name, and a sort control orders them by name, responses, satisfaction or
 * trend (a figure order is one list across organisations, each card naming its organisation).
 *
 * Accessibility criteria: a list of services, each a heading with a link; figures as a description
 * list; the trend is said in words and its sign, the arrow is decoration; a share counted on fewer
 * answers than MIN_PUBLIC_N says "weinig antwoorden" beside it; the search field and the sort
 * select are labelled native controls, and the number of services shown and a new order are
 * announced; loading is announced.
 *
 * @summary The list of services with this year's figures.
 * @tagname vo-service-list
 */
export class VoServiceList extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'services'),
    ...states('_figures', '_query', '_sort', '_announcement'),
  };

  declare context: DashboardContext;
  /** The services `GET /api/v1/services` returned. */
  declare services: ServiceInfo[];
  declare private _figures: Map<string, YearFigures | { error: unknown }>;
  declare private _query: string;
  declare private _sort: ServiceSort;
  /** Said after a search or a new order: how many services are shown. */
  declare private _announcement: string;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this._figures = new Map();
    this._query = '';
    this._sort = 'name';
    this._announcement = '';
  }

  /** Last year and this year: the annual reports that can be handed in. */
  get #years(): number[] {
    const year = Number(this.context.today.slice(0, 4));
    return [year - 1, year];
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new language or role re-renders; only new services, a new token or a new day reload.
    if (changed.has('services') || contextMoved(changed, this.context, { today: true })) {
      void this.#load();
    }
  }

  async #load() {
    const { api, today } = this.context;
    const { current, previous } = yearToDateAndLastYear(today);
    this._figures = new Map();
    // Each service's figures show as they come; a failure is that service's, not the list's.
    const each = (signal: AbortSignal) =>
      mapLimited(this.services, 4, async (service) => {
        const settled = await settle(signal, async (signal) => {
          const [now, before] = await Promise.all([
            api.summary(service.id, current, signal),
            api.summary(service.id, previous, signal),
          ]);
          return { current: now, previous: before };
        });
        if (!settled) return;
        const figures = 'value' in settled ? settled.value : settled;
        this._figures = new Map(this._figures).set(service.id, figures);
      });
    await this.#loader.run(each);
  }

  /** The services the search finds, in the chosen order. */
  get #shown(): ServiceInfo[] {
    const found = matchingServices(this.services, this._query);
    return sortServices(found, this._figures, this._sort, this.context.f.locale);
  }

  /** How many services are shown now, in words. */
  get #shownCount(): string {
    const { t, f } = this.context;
    const count = this.#shown.length;
    return t.servicesShown(count, f.integer(count));
  }

  #onSearch = (event: Event) => {
    this._query = (event.target as HTMLInputElement).value;
    this._announcement = this.#shownCount;
  };

  #onSort = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value as ServiceSort;
    if (!SERVICE_SORTS.includes(value)) return;
    this._sort = value;
    const { t } = this.context;
    this._announcement = `${t.servicesSorted(t.serviceSorts[value])} ${this.#shownCount}`;
  };

  override render() {
    const { t, role, today } = this.context;
    const steering = role === 'steering';
    const loading = this._figures.size < this.services.length;
    const shown = this.#shown;
    return html`
      <h1 tabindex="-1">${steering ? t.steeringServicesHeading : t.providerServicesHeading}</h1>
      ${steering ? html`<p class="message">${t.steeringNotice}</p>` : nothing}
      <p>${t.servicesIntro}</p>
      ${this.services.length > 1 ? this.#controls() : nothing}
      <p role="status" class="hint">${loading ? t.loadingFigures : ''}</p>
      <p role="status" class="hint" data-shown>${this._announcement}</p>
      ${
        this.services.length === 0
          ? html`<div class="message is-empty"><p>${t.noServices}</p></div>`
          : shown.length === 0
            ? html`<div class="message is-empty" data-none-found>
                <p>${t.servicesNoneFound}</p>
              </div>`
            : steering && this._sort === 'name'
              ? this.#byOrganisation(shown)
              : this.#list(shown, 2, steering)
      }
      <div class="panel">
        <vo-hand-in
          .context=${this.context}
          .years=${this.#years}
          organisation-id=${(!steering && this.services[0]?.organisationId) || nothing}
        ></vo-hand-in>
      </div>
      <div class="panel">
        <vo-downloads
          .context=${this.context}
          .years=${[String(Number(today.slice(0, 4)) - 1), today.slice(0, 4)]}
        ></vo-downloads>
      </div>
    `;
  }

  /** A search field and a sort control, side by side when they fit. */
  #controls() {
    const { t } = this.context;
    return html`<div class="controls">
      <div class="control">
        <label for="service-search">${t.serviceSearch}</label>
        <span class="hint" id="service-search-hint">${t.serviceSearchHint}</span>
        <input
          id="service-search"
          type="search"
          autocomplete="off"
          aria-describedby="service-search-hint"
          .value=${this._query}
          @input=${this.#onSearch}
        />
      </div>
      <div class="control">
        <label for="service-sort">${t.serviceSortLabel}</label>
        <select id="service-sort" @change=${this.#onSort}>
          ${SERVICE_SORTS.map(
            (sort) =>
              html`<option value=${sort} ?selected=${sort === this._sort}>
                ${t.serviceSorts[sort]}
              </option>`,
          )}
        </select>
      </div>
    </div>`;
  }

  /** The services under their organisation's name, organisations in the order of `services`. */
  #byOrganisation(services: ServiceInfo[]) {
    return byOrganisation(services).map((group) => {
      const { organisationId, organisationName } = group[0]!;
      const id = `org-${organisationId}`;
      return html`
        <section class="organisation" aria-labelledby=${id}>
          <h2 id=${id}>${organisationName}</h2>
          ${this.#list(group, 3)}
        </section>
      `;
    });
  }

  /** A list of service cards; `named`: each names its organisation (a list across them). */
  #list(services: ServiceInfo[], level: 2 | 3, named = false) {
    return html`<ul class="services">
      ${services.map((service) => this.#card(service, level, named))}
    </ul>`;
  }

  #card(service: ServiceInfo, level: 2 | 3, named: boolean) {
    const { t } = this.context;
    const link = html`<a
      href=${routeHash({ view: 'service', serviceId: service.id, period: undefined })}
      >${service.name}</a
    >`;
    return html`<li class="card" data-service=${service.id}>
      ${level === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
      ${named ? html`<p class="organisation-name">${service.organisationName}</p>` : nothing}
      ${service.active ? nothing : html`<p class="tag">${t.inactive}</p>`} ${this.#figures(service)}
    </li>`;
  }

  #figures(service: ServiceInfo) {
    const { t, f } = this.context;
    const figures = this._figures.get(service.id);
    if (!figures) return html`<p class="hint">${t.loadingFigures}</p>`;
    if ('error' in figures) {
      return html`<p class="error">${t.figuresUnavailable} ${failureMessage(t, figures.error)}</p>`;
    }
    const { current } = figures;
    return html`<dl class="figures">
      ${figure(t.responsesThisYear, 'responses', f.integer(current.responses))}
      <div>
        <dt>${t.csat}</dt>
        <dd>
          <span data-figure="csat">${f.percent(current.csat)}</span>${fewAnswersNote(
            this.context,
            current.responses,
          )}
          ${
            current.csatInterval
              ? html`<span class="sub" data-figure="csat-interval"
                  >${this.#interval(current.csatInterval)}</span
                >`
              : nothing
          }
        </dd>
      </div>
      ${figure(t.trend, 'trend', this.#trend(figures))}
    </dl>`;
  }

  #interval([low, high]: readonly [number, number]): string {
    const { t, f } = this.context;
    return t.interval(f.percent(low), f.percent(high));
  }

  #trend(figures: YearFigures) {
    const { t, f } = this.context;
    const { current, previous } = figures;
    const points = csatChange(figures);
    if (points === null || previous.csat === null) {
      return html`<span class="arrow" aria-hidden="true">–</span> ${t.trendNone}`;
    }
    const direction: Direction = points > 0 ? 'up' : points < 0 ? 'down' : 'same';
    const arrow = { up: '↑', down: '↓', same: '→' }[direction];
    const word = { up: t.arrowUp, down: t.arrowDown, same: t.arrowSame }[direction];
    // Last year's figure as it is compared: with its interval and its number of answers.
    const before = t.trendPrevious(
      f.percent(previous.csat),
      previous.csatInterval ? this.#interval(previous.csatInterval) : '–',
      f.integer(previous.responses),
    );
    // Overlapping 95 % intervals: the change may be chance. Said, so that nobody acts on noise.
    const [low, high] = current.csatInterval ?? [0, 1];
    const [previousLow, previousHigh] = previous.csatInterval ?? [0, 1];
    const uncertain = direction !== 'same' && low <= previousHigh && previousLow <= high;
    return html`<span class="arrow ${direction}" aria-hidden="true">${arrow}</span>
      <span class="visually-hidden">${word}:</span>
      ${direction === 'same' ? t.trendSame(before) : t.trendChange(f.points(points), before)}${fewAnswersNote(
        this.context,
        previous.responses,
      )}
      ${uncertain ? html`<span class="uncertain">${t.trendUncertain}</span>` : nothing}`;
  }
}
