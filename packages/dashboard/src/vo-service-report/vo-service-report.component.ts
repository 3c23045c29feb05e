import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ServiceConfig, ServiceInfo, Summary } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import type { ThemeSelectDetail } from '../events.ts';
import { failureMessage, isAbort, retryable } from '../errors.ts';
import { fewAnswers, fewAnswersNote } from '../few-answers.ts';
import { figure } from '../figure.ts';
import { contextMoved, Loader } from '../loader.ts';
import type { Period } from '../period.ts';
import type { Bar } from '../vo-bar-chart/vo-bar-chart.component.ts';
import type { CommentFilter, VoComments } from '../vo-comments/vo-comments.component.ts';
import {
  channelsSection,
  languagesSection,
  outcomesSection,
  reasonsSection,
  stepsSection,
} from './breakdowns.ts';
import { styles } from './vo-service-report.styles.ts';

type State = 'loading' | 'ready' | 'empty' | 'error';

/** A period's figures, and the service's reasons that name the codes in `byReason`. */
interface Report {
  summary: Summary;
  /** Undefined when no reason was ticked, or when the configuration could not be read. */
  config: ServiceConfig | undefined;
}

/**
 * One service over one period: a notice when an alert was raised for it in the last 7 days
 * (vo-alert-notice), the key figures, the distribution of the five ratings, csat per
 * month with its confidence band and the response rate, the split by outcome, channel, language
 * and step (breakdowns.ts), the reasons ticked after a low rating, and — for a provider — the explanation of the year's figures,
 * the themes, the comments, the improvement actions, and the QR code and poster of the hosted
 * feedback page; then the downloads. All figures come from
 * `GET /api/v1/services/:id/summary`; the reasons' labels from the service's public
 * configuration.
 *
 * Accessibility criteria: one `h1` (the service), an `h2` per section; the period result is
 * announced; an empty period, and a period in which no reason was ticked, say so in words; a share
 * or satisfaction counted on fewer answers than MIN_PUBLIC_N says "weinig antwoorden" beside it, in
 * text; the `state` attribute reflects loading, ready, empty or error.
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
          ? html`<p class="hint">${t.organisation(this.service.organisationName)}</p>`
          : nothing
      }
      <vo-alert-notice .context=${this.context} service-id=${this.service.id}></vo-alert-notice>
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
                <vo-actions
                  .context=${this.context}
                  .service=${this.service}
                  .period=${this.period}
                ></vo-actions>
              </section>
              <section class="panel">
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
    const empty = summary.responses === 0;
    const stale = this.state === 'loading' ? 'stale' : '';
    // One template, empty period or not: the explanation stays the same element, so a new
    // period never drops what the provider is typing.
    return html`
      ${
        empty
          ? html`<div class="message is-empty" data-empty>
              <p><strong>${t.empty}</strong></p>
              <p>${t.emptyHint}</p>
            </div>`
          : html`<div class=${stale}>${this.#keyFigures(summary)}</div>`
      }
      ${this.#explanation()}
      ${
        empty
          ? nothing
          : html`<div class=${stale}>
              ${this.#ratings(summary)} ${this.#monthly(summary)}
              ${outcomesSection(this.context, summary)} ${channelsSection(this.context, summary)}
              ${languagesSection(this.context, summary)} ${stepsSection(this.context, summary)}
              ${reasonsSection(this.context, summary, this._config)}
            </div>`
      }
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
                  @vo-feedback-erased=${() => void this.#load()}
                ></vo-comments>
              </section>`
          : nothing
      }
    `;
  }

  /** The provider's explanation of the figures of the year the period ends in. */
  #explanation() {
    if (this.context.role !== 'provider') return nothing;
    return html`<section class="panel">
      <vo-explanation
        .context=${this.context}
        scope="service"
        subject-id=${this.service.id}
        year=${this.period.to.slice(0, 4)}
      ></vo-explanation>
    </section>`;
  }

  #keyFigures(summary: Summary) {
    const { t, f } = this.context;
    const interval = summary.csatInterval
      ? t.interval(f.percent(summary.csatInterval[0]), f.percent(summary.csatInterval[1]))
      : '';
    const few = fewAnswersNote(this.context, summary.responses);
    return html`<section class="panel" aria-labelledby="key-figures">
      <h2 id="key-figures">${t.keyFigures}</h2>
      ${
        fewAnswers(summary.responses, this.context.minimumN)
          ? html`<p data-few-intro>${t.fewAnswersIntro(f.integer(this.context.minimumN))}</p>`
          : nothing
      }
      <dl class="key-figures">
        ${figure(t.responses, 'responses', f.integer(summary.responses))}
        <div>
          <dt>${t.csatLong}</dt>
          <dd>
            <span data-figure="csat">${f.percent(summary.csat)}</span>${few}
            ${interval ? html`<span class="sub" data-figure="csat-interval">${interval}</span>` : nothing}
          </dd>
        </div>
        <div>
          <dt>${t.mean}</dt>
          <dd><span data-figure="mean">${f.mean(summary.mean)}</span>${few}</dd>
        </div>
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
}
