import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Figures, ServiceConfig, ServiceInfo, Summary } from '@vo-feedback/shared';
import { OUTCOMES } from '@vo-feedback/shared/constants';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import type { ThemeSelectDetail } from '../events.ts';
import { failureMessage, isAbort, retryable } from '../errors.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import type { Bar } from '../vo-bar-chart/vo-bar-chart.component.ts';
import type { CommentFilter, VoComments } from '../vo-comments/vo-comments.component.ts';
import { styles } from './vo-service-report.styles.ts';

type State = 'loading' | 'ready' | 'empty' | 'error';

/** A period's figures, and the service's reasons that name the codes in `byReason`. */
interface Report {
  summary: Summary;
  /** Undefined when no reason was ticked, or when the configuration could not be read. */
  config: ServiceConfig | undefined;
}

/**
 * One service over one period: the key figures, the distribution of the five ratings, csat per
 * month with its confidence band and the response rate, the split by outcome and by channel, the
 * reasons ticked after a low rating, and — for a provider — the themes and the comments, and the
 * QR code and poster of the hosted feedback page; then the downloads. All figures come from
 * `GET /api/v1/services/:id/summary`; the reasons' labels from the service's public
 * configuration.
 *
 * Accessibility criteria: one `h1` (the service), an `h2` per section; the period result is
 * announced; an empty period, and a period in which no reason was ticked, say so in words; the
 * `state` attribute reflects loading, ready, empty or error.
 *
 * @summary The figures of one service for a period.
 * @tagname vo-service-report
 */
export class VoServiceReport extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'service', 'period'),
    state: { reflect: true },
    ...states('_summary', '_config', '_error', '_filter'),
  };

  declare context: DashboardContext;
  declare service: ServiceInfo;
  declare period: Period;
  /** loading, ready, empty or error (reflected, for styling and tests). */
  declare state: State;
  declare private _summary: Summary | undefined;
  declare private _config: ServiceConfig | undefined;
  declare private _error: unknown;
  declare private _filter: CommentFilter;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.state = 'loading';
    this._summary = undefined;
    this._config = undefined;
    this._error = undefined;
    this._filter = { rating: '', outcome: '', text: '' };
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('service')) this._filter = { rating: '', outcome: '', text: '' };
    if (contextMoved(changed, this.context) || changed.has('service') || changed.has('period')) {
      void this.#load();
    }
  }

  async #load() {
    this.state = 'loading';
    this._error = undefined;
    await this.#loader.run((signal) => this.#report(signal), {
      done: ({ summary, config }) => {
        this._summary = summary;
        this._config = config;
        this.state = summary.responses === 0 ? 'empty' : 'ready';
      },
      failed: (error) => {
        this._summary = undefined;
        this._config = undefined;
        this._error = error;
        this.state = 'error';
      },
    });
  }

  /**
   * The summary, then — only when a reason was ticked — the service's reasons for their labels.
   * Without the configuration the reasons keep their codes: no reason to hide the figures.
   */
  async #report(signal: AbortSignal): Promise<Report> {
    const { api } = this.context;
    const { id } = this.service;
    const summary = await api.summary(id, this.period, signal);
    if (summary.byReason.length === 0) return { summary, config: undefined };
    try {
      return { summary, config: await api.serviceConfig(id, signal) };
    } catch (error) {
      if (isAbort(error)) throw error;
      return { summary, config: undefined };
    }
  }

  #onThemeSelect = async (event: CustomEvent<ThemeSelectDetail>) => {
    this._filter = { rating: '', outcome: '', text: event.detail.term };
    await this.updateComplete;
    const comments = this.renderRoot.querySelector<VoComments>('vo-comments');
    await comments?.updateComplete;
    comments?.focusHeading();
  };

  override render() {
    const { t, f, role } = this.context;
    return html`
      <p class="back"><a href="#/">← ${t.allServices}</a></p>
      <h1 tabindex="-1">${this.service.name}</h1>
      ${
        role === 'steering'
          ? html`<p class="hint">${t.organisation(this.service.organisationId)}</p>`
          : nothing
      }
      <vo-period-picker .context=${this.context} .period=${this.period}></vo-period-picker>
      <p class="period-status" role="status">
        ${
          this.state === 'loading'
            ? t.loading
            : this._summary
              ? t.periodShown(f.day(this._summary.from), f.day(this._summary.to))
              : ''
        }
      </p>
      ${this.#body()}
      ${
        role === 'provider'
          ? html`<section class="panel">
              <vo-qr-code .context=${this.context} .service=${this.service}></vo-qr-code>
            </section>`
          : nothing
      }
      <div class="panel">
        <vo-downloads
          .context=${this.context}
          .service=${this.service}
          .period=${this.period}
        ></vo-downloads>
      </div>
    `;
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
    const summary = this._summary;
    if (!summary) return nothing;
    if (summary.responses === 0) {
      return html`<div class="message is-empty" data-empty>
        <p><strong>${t.empty}</strong></p>
        <p>${t.emptyHint}</p>
      </div>`;
    }
    return html`
      <div class=${this.state === 'loading' ? 'stale' : ''}>
        ${this.#keyFigures(summary)} ${this.#ratings(summary)} ${this.#monthly(summary)}
        ${this.#outcomes(summary)} ${this.#channels(summary)} ${this.#reasons(summary)}
      </div>
      ${
        this.context.role === 'provider' && summary.comments > 0
          ? html`<section class="panel">
                <vo-themes
                  .context=${this.context}
                  service-id=${this.service.id}
                  .period=${this.period}
                  @vo-theme-select=${this.#onThemeSelect}
                ></vo-themes>
              </section>
              <section class="panel">
                <vo-comments
                  .context=${this.context}
                  service-id=${this.service.id}
                  .period=${this.period}
                  .filter=${this._filter}
                ></vo-comments>
              </section>`
          : nothing
      }
    `;
  }

  #keyFigures(summary: Summary) {
    const { t, f } = this.context;
    const interval = summary.csatInterval
      ? t.interval(f.percent(summary.csatInterval[0]), f.percent(summary.csatInterval[1]))
      : '';
    return html`<section class="panel" aria-labelledby="key-figures">
      <h2 id="key-figures">${t.keyFigures}</h2>
      <dl class="key-figures">
        ${figure(t.responses, 'responses', f.integer(summary.responses))}
        <div>
          <dt>${t.csatLong}</dt>
          <dd>
            <span data-figure="csat">${f.percent(summary.csat)}</span>
            ${interval ? html`<span class="sub" data-figure="csat-interval">${interval}</span>` : nothing}
          </dd>
        </div>
        ${figure(t.mean, 'mean', f.mean(summary.mean))}
        ${figure(t.commentCount, 'comments', f.integer(summary.comments))}
        ${figure(t.impressions, 'impressions', f.integer(summary.impressions))}
        ${figure(
          t.responseRate,
          'response-rate',
          summary.responseRate === null ? t.noImpressions : f.percent(summary.responseRate),
        )}
      </dl>
    </section>`;
  }

  #ratings(summary: Summary) {
    const { t, f } = this.context;
    const bars: Bar[] = ([1, 2, 3, 4, 5] as const).map((rating) => ({
      label: `${rating} – ${t.ratings[rating - 1]}`,
      value: summary.ratings[String(rating) as keyof Summary['ratings']],
    }));
    return html`<section class="panel" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">${t.ratingsHeading}</h2>
      <vo-bar-chart
        data-chart="ratings"
        .bars=${bars}
        .formats=${f}
        description=${t.ratingsChart(f.integer(summary.responses))}
        caption=${t.ratingsHeading}
        label-header=${t.rating}
        value-header=${t.count}
        share-header=${t.share}
      ></vo-bar-chart>
    </section>`;
  }

  #monthly(summary: Summary) {
    const { t } = this.context;
    return html`<section class="panel" aria-labelledby="monthly-heading">
      <h2 id="monthly-heading">${t.monthlyHeading}</h2>
      <p>${t.monthlyIntro}</p>
      <vo-csat-chart .context=${this.context} .months=${summary.byMonth}></vo-csat-chart>
    </section>`;
  }

  #outcomes(summary: Summary) {
    const { t, f } = this.context;
    const keys = [...OUTCOMES, 'unknown' as const];
    const bars: Bar[] = keys
      .map((key) => [key, summary.byOutcome[key]] as const)
      .filter((entry): entry is readonly [(typeof keys)[number], Figures] => !!entry[1])
      .map(([key, figures]) => ({
        label: t.outcomes[key],
        value: figures.responses,
        extra: [f.percent(figures.csat), f.mean(figures.mean)],
      }));
    return html`<section class="panel" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">${t.outcomesHeading}</h2>
      <p>${t.outcomesIntro}</p>
      <vo-bar-chart
        data-chart="outcomes"
        .bars=${bars}
        .formats=${f}
        .extraHeaders=${[t.csat, t.meanShort]}
        description=${t.outcomesChart(f.integer(summary.responses))}
        caption=${t.outcomesHeading}
        label-header=${t.outcome}
        value-header=${t.responses}
        share-header=${t.share}
      ></vo-bar-chart>
    </section>`;
  }

  #channels(summary: Summary) {
    const { t, f } = this.context;
    const bars: Bar[] = summary.byChannel.map((figures) => ({
      label: t.channels[figures.channel],
      value: figures.responses,
      extra: [
        f.percent(figures.csat),
        figures.csatInterval
          ? `${f.percent(figures.csatInterval[0])} – ${f.percent(figures.csatInterval[1])}`
          : '–',
      ],
    }));
    return html`<section class="panel" aria-labelledby="channels-heading">
      <h2 id="channels-heading">${t.channelsHeading}</h2>
      <p>${t.channelsIntro}</p>
      <vo-bar-chart
        data-chart="channels"
        .bars=${bars}
        .formats=${f}
        .extraHeaders=${[t.csat, t.intervalColumn]}
        description=${t.channelsChart(f.integer(summary.responses))}
        caption=${t.channelsHeading}
        label-header=${t.channel}
        value-header=${t.responses}
        share-header=${t.share}
      ></vo-bar-chart>
    </section>`;
  }

  #reasons(summary: Summary) {
    const { t, f, language } = this.context;
    const lowCount = summary.ratings['1'] + summary.ratings['2'] + summary.ratings['3'];
    const low = f.integer(lowCount);
    const labels = new Map(
      (this._config?.reasons ?? []).map((reason) => [reason.code, reason.labels[language]]),
    );
    // A code the service no longer lists keeps its code: its figures still count.
    const bars: Bar[] = summary.byReason.map((figures) => ({
      label: labels.get(figures.reason) ?? figures.reason,
      value: figures.count,
      share: figures.share,
    }));
    const body =
      bars.length > 0
        ? html`<p>${t.reasonsIntro(low)}</p>
            <vo-bar-chart
              data-chart="reasons"
              .bars=${bars}
              .formats=${f}
              description=${t.reasonsChart(low)}
              caption=${t.reasonsHeading}
              label-header=${t.reason}
              value-header=${t.count}
              share-header=${t.share}
            ></vo-bar-chart>`
        : html`<div class="message is-empty" data-empty="reasons">
            <p>${lowCount === 0 ? t.reasonsNoLow : t.reasonsNone}</p>
          </div>`;
    return html`<section class="panel" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">${t.reasonsHeading}</h2>
      ${body}
    </section>`;
  }
}
