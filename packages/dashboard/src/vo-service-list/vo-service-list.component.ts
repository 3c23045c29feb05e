import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ServiceInfo, Summary } from '@vo-feedback/shared';
import { mapLimited } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage } from '../errors.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader, settle } from '../loader.ts';
import { yearToDateAndLastYear } from '../period.ts';
import { routeHash } from '../routes.ts';
import { styles } from './vo-service-list.styles.ts';

/** This year's figures of one service beside the same stretch of last year. */
interface YearFigures {
  current: Summary;
  previous: Summary;
}

type Direction = 'up' | 'down' | 'same';

/**
 * The services within the token's reach, each with this year's responses, satisfaction (csat) and
 * a trend arrow against the same period last year (1 January up to the same day). A steering token
 * sees them grouped by organisation.
 *
 * Accessibility criteria: a list of services, each a heading with a link; figures as a description
 * list; the trend is said in words and its sign, the arrow is decoration; loading is announced.
 *
 * @summary The list of services with this year's figures.
 * @tagname vo-service-list
 */
export class VoServiceList extends LitElement {
  static override styles = styles;

  static override properties = { ...inputs('context', 'services'), ...states('_figures') };

  declare context: DashboardContext;
  /** The services `GET /api/v1/services` returned. */
  declare services: ServiceInfo[];
  declare private _figures: Map<string, YearFigures | { error: unknown }>;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this._figures = new Map();
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

  override render() {
    const { t, role, today } = this.context;
    const steering = role === 'steering';
    const loading = this._figures.size < this.services.length;
    return html`
      <h1 tabindex="-1">${steering ? t.steeringServicesHeading : t.providerServicesHeading}</h1>
      ${steering ? html`<p class="message">${t.steeringNotice}</p>` : nothing}
      <p>${t.servicesIntro}</p>
      <p role="status" class="hint">${loading ? t.loadingFigures : ''}</p>
      ${
        this.services.length === 0
          ? html`<div class="message is-empty"><p>${t.noServices}</p></div>`
          : steering
            ? this.#byOrganisation()
            : this.#list(this.services, 2)
      }
      <div class="panel">
        <vo-downloads
          .context=${this.context}
          .years=${[String(Number(today.slice(0, 4)) - 1), today.slice(0, 4)]}
        ></vo-downloads>
      </div>
    `;
  }

  #byOrganisation() {
    const organisations = new Map<string, ServiceInfo[]>();
    for (const service of this.services) {
      const list = organisations.get(service.organisationId) ?? [];
      list.push(service);
      organisations.set(service.organisationId, list);
    }
    const ids = [...organisations.keys()].sort((a, b) => a.localeCompare(b));
    return ids.map(
      (id) => html`
        <section class="organisation" aria-labelledby=${`org-${id}`}>
          <h2 id=${`org-${id}`}>${this.context.t.organisation(id)}</h2>
          ${this.#list(organisations.get(id)!, 3)}
        </section>
      `,
    );
  }

  #list(services: ServiceInfo[], level: 2 | 3) {
    return html`<ul class="services">
      ${services.map((service) => this.#card(service, level))}
    </ul>`;
  }

  #card(service: ServiceInfo, level: 2 | 3) {
    const { t } = this.context;
    const link = html`<a
      href=${routeHash({ view: 'service', serviceId: service.id, period: undefined })}
      >${service.name}</a
    >`;
    return html`<li class="card" data-service=${service.id}>
      ${level === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
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
    const { current, previous } = figures;
    return html`<dl class="figures">
      ${figure(t.responsesThisYear, 'responses', f.integer(current.responses))}
      ${figure(t.csat, 'csat', f.percent(current.csat))}
      ${figure(t.trend, 'trend', this.#trend(current, previous))}
    </dl>`;
  }

  #trend(current: Summary, previous: Summary) {
    const { t, f } = this.context;
    if (current.csat === null || previous.csat === null) {
      return html`<span class="arrow" aria-hidden="true">–</span> ${t.trendNone}`;
    }
    // Compared after rounding to the shown precision, so the arrow never contradicts the number.
    const points = Math.round((current.csat - previous.csat) * 1000) / 1000;
    const direction: Direction = points > 0 ? 'up' : points < 0 ? 'down' : 'same';
    const arrow = { up: '↑', down: '↓', same: '→' }[direction];
    const word = { up: t.arrowUp, down: t.arrowDown, same: t.arrowSame }[direction];
    const before = `${f.percent(previous.csat)}, n = ${f.integer(previous.responses)}`;
    // Overlapping 95 % intervals: the change may be chance. Said, so that nobody acts on noise.
    const [low, high] = current.csatInterval ?? [0, 1];
    const [previousLow, previousHigh] = previous.csatInterval ?? [0, 1];
    const uncertain = direction !== 'same' && low <= previousHigh && previousLow <= high;
    return html`<span class="arrow ${direction}" aria-hidden="true">${arrow}</span>
      <span class="visually-hidden">${word}:</span>
      ${direction === 'same' ? t.trendSame(before) : t.trendChange(f.points(points), before)}
      ${uncertain ? html`<span class="uncertain">${t.trendUncertain}</span>` : nothing}`;
  }
}
