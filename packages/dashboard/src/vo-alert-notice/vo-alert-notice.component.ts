import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Alert, AlertKind, AlertWindow } from '@vo-feedback/shared';
import { ALERT_RECENT_DAYS } from '@vo-feedback/shared/constants';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { ApiError } from '../api.ts';
import type { AlertWindowText } from '../i18n/alerts/nl.ts';
import { contextMoved, Loader } from '../loader.ts';
import { addDays } from '../period.ts';
import { styles } from './vo-alert-notice.styles.ts';

type State = 'loading' | 'none' | 'shown' | 'error';

const KINDS: readonly AlertKind[] = ['satisfaction', 'theme'];

/** Of each kind, the most recent alert (the list is newest first), satisfaction first. */
function latestPerKind(alerts: readonly Alert[]): Alert[] {
  return KINDS.flatMap((kind) => alerts.find((alert) => alert.kind === kind) ?? []);
}

/**
 * A notice at the top of a service's report when, in the last 7 days, its satisfaction dropped
 * or a theme rose significantly (`GET /api/v1/alerts?serviceId=…`): what changed, the share of
 * both windows with its 95 % interval and its number of answers or comments, and the days of
 * each, in words. Nothing at all when there is no alert.
 *
 * Accessibility criteria: a section with its own `h2` that starts with the word "Alarm" (a symbol
 * beside it is decoration, never the only mark); every figure is text; a failed load says so in
 * words, as a status, with a button to try again; the `state` attribute reflects loading, none,
 * shown or error. Steering, which reads no comments, is not asked to read them, and is told that
 * a theme rose without its words (the API gives it none).
 *
 * @summary The alert notice of one service.
 * @tagname vo-alert-notice
 */
export class VoAlertNotice extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context'),
    serviceId: { attribute: 'service-id' },
    state: { reflect: true },
    ...states('_alerts'),
  };

  declare context: DashboardContext;
  /** The service whose alerts are shown. */
  declare serviceId: string;
  /** loading, none, shown or error (reflected, for styling and tests). */
  declare state: State;
  declare private _alerts: Alert[];
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.serviceId = '';
    this.state = 'loading';
    this._alerts = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (contextMoved(changed, this.context, { today: true }) || changed.has('serviceId')) {
      void this.#load();
    }
  }

  async #load() {
    const { api, today } = this.context;
    this.state = 'loading';
    const query = {
      serviceId: this.serviceId,
      from: addDays(today, -(ALERT_RECENT_DAYS - 1)),
      to: today,
    };
    await this.#loader.run((signal) => api.alerts(query, signal), {
      done: ({ alerts }) => {
        this._alerts = latestPerKind(alerts);
        this.state = this._alerts.length > 0 ? 'shown' : 'none';
      },
      failed: (error) => {
        this._alerts = [];
        // A collector from before alerts has no such route: nothing to tell.
        this.state = error instanceof ApiError && error.kind === 'not-found' ? 'none' : 'error';
      },
    });
  }

  #windowText(window: AlertWindow): AlertWindowText {
    const { f } = this.context;
    return {
      share: f.percent(window.share),
      low: f.percent(window.interval[0]),
      high: f.percent(window.interval[1]),
      n: f.integer(window.n),
      from: f.day(window.from),
      to: f.day(window.to),
    };
  }

  #sentence(alert: Alert): string {
    const { t } = this.context;
    const recent = this.#windowText(alert.recent);
    const previous = this.#windowText(alert.previous);
    if (alert.kind === 'satisfaction') return t.alertSatisfaction(recent, previous);
    // Steering gets no theme's words (citizens' words, for the service's providers only).
    return alert.theme === null
      ? t.alertThemeUnnamed(recent, previous)
      : t.alertTheme(alert.theme, recent, previous);
  }

  override render() {
    const { t, f, role } = this.context;
    if (this.state === 'error') {
      // A status, not an alert: the report below it is there all the same.
      return html`<div class="failed" data-alerts-failed>
        <p role="status">${t.alertsLoadFailed}</p>
        <button @click=${() => void this.#load()}>${t.retry}</button>
      </div>`;
    }
    if (this.state !== 'shown') return nothing;
    return html`<section class="notice" aria-labelledby="alert-heading" data-alerts>
      <h2 id="alert-heading">
        <span class="symbol" aria-hidden="true">⚠</span><span>${t.alertHeading}</span>
      </h2>
      ${this._alerts.map(
        (alert) =>
          html`<p data-alert=${alert.kind}>
            ${this.#sentence(alert)}
            <span class="raised">${t.alertRaisedOn(f.day(alert.day))}</span>
          </p>`,
      )}
      <p data-alert-why>${t.alertWhy} ${role === 'provider' ? t.alertReadComments : nothing}</p>
    </section>`;
  }
}
