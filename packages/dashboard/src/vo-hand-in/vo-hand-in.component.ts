import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { HandInRow, ReportSubmission, ReportSubmissions } from '@vo-feedback/shared';
import { submissionPath } from '../api.ts';
import { changeFailure } from '../change-failure.ts';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { contextMoved, Loader } from '../loader.ts';
import { styles } from './vo-hand-in.styles.ts';

/** How much of a SHA-256 is shown at a glance; the full one is a click away, as text. */
const SHORT_HASH = 12;

type Format = 'html' | 'json';

/**
 * Handing in the annual report. A provider chooses the year (this year or the last), reads and
 * edits the organisation's explanation of that year, and hands the report in: `POST
 * /api/v1/reports/annual/:year/submissions` freezes it as it is now, a new version each time. The
 * versions are listed with who handed them in, when, and the SHA-256 of the frozen JSON, each
 * downloadable as HTML and JSON exactly as frozen. The steering committee sees, per year, every
 * organisation with its status (handed in, late or missing — in words), its newest version and
 * when it first handed in, with the frozen HTML to download; and the deadline.
 *
 * Accessibility criteria: the year is a native radio group; the status is said in words, the
 * symbol and colour beside it are decoration; tables have captions, row headers and scroll inside
 * their own focusable region at narrow widths; download buttons name what they download for
 * screen readers; handing in, downloads and failures are announced in status regions that are
 * always rendered, and a failure says what to do.
 *
 * @summary Handing in the annual report, and who handed in.
 * @tagname vo-hand-in
 */
export class VoHandIn extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'years'),
    organisationId: { attribute: 'organisation-id' },
    ...states('_year', '_answers', '_error', '_busy', '_status', '_failed'),
  };

  declare context: DashboardContext;
  /** The years offered, oldest first (last year and this year). */
  declare years: number[];
  /** A provider's organisation, whose explanation is shown; steering needs none. */
  declare organisationId: string | undefined;
  declare private _year: number | undefined;
  /** The answers per year: a provider's chosen year, or every year for steering. */
  declare private _answers: Map<number, ReportSubmissions>;
  declare private _error: unknown;
  declare private _busy: string;
  declare private _status: string;
  declare private _failed: boolean;
  readonly #loader = new Loader(this);

  constructor() {
    super();
    this.years = [];
    this.organisationId = undefined;
    this._year = undefined;
    this._answers = new Map();
    this._error = undefined;
    this._busy = '';
    this._status = '';
    this._failed = false;
  }

  get #steering(): boolean {
    return this.context.role === 'steering';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new array of the same years (each render of the list makes one) is no change.
    const previous = changed.get('years') as number[] | undefined;
    const yearsMoved = changed.has('years') && String(previous) !== String(this.years);
    if (yearsMoved && !this.years.includes(this._year ?? NaN)) {
      // The last year first: that is the report due in the first months of a year.
      this._year = this.years[0];
    }
    if (contextMoved(changed, this.context) || yearsMoved) void this.#load();
  }

  async #load() {
    const { api } = this.context;
    const years = this.#steering ? this.years : this._year ? [this._year] : [];
    this._answers = new Map();
    this._error = undefined;
    await this.#loader.run(
      (signal) => Promise.all(years.map((year) => api.submissions(year, signal))),
      {
        done: (answers) => {
          this._answers = new Map(answers.map((answer) => [answer.year, answer]));
        },
        failed: (error) => {
          this._error = error;
        },
      },
    );
  }

  #announce(message: string, failed = false) {
    this._failed = failed;
    this._status = message;
  }

  #onYear(event: Event) {
    this._year = Number((event.target as HTMLInputElement).value);
    this.#announce('');
    void this.#load();
  }

  async #submit(year: number) {
    if (this._busy) return;
    const { t, f, api } = this.context;
    this._busy = 'submit';
    this.#announce(t.handInSubmitting);
    try {
      const version = await api.submitReport(year);
      const answer = this._answers.get(year);
      if (answer) {
        const versions = [...answer.versions, version];
        this._answers = new Map(this._answers).set(year, { ...answer, versions });
      }
      this.#announce(t.handInSubmitted(f.integer(version.version), String(year)));
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${t.handInFailed} ${changeFailure(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  async #download(year: number, organisationId: string, version: number, format: Format) {
    if (this._busy) return;
    const { t, api } = this.context;
    this._busy = `${organisationId}-${version}-${format}`;
    this.#announce(t.downloading);
    try {
      const name = await api.download(
        submissionPath(year, organisationId, version),
        { format },
        `jaarrapport-${year}-${organisationId}-versie-${version}.${format}`,
      );
      this.#announce(t.downloaded(name));
    } catch (error) {
      this.#announce(`${t.errorPrefix} ${t.downloadFailed} ${failureMessage(t, error)}`, true);
    } finally {
      this._busy = '';
    }
  }

  override render() {
    const { t } = this.context;
    const loading = this._answers.size === 0 && this._error === undefined;
    const statusClass = this._failed ? 'error' : 'hint';
    // No whitespace around a status: `:empty` then drops its margin when there is nothing to say.
    return html`
      ${this.#steering ? this.#overviewIntro() : this.#handInIntro()}
      <p role="status" class="hint" data-status="load">${loading ? t.handInLoading : ''}</p>
      ${this._error !== undefined ? this.#loadFailed() : nothing}
      ${this.#steering ? this.#overview() : this.#handIn()}
      <p role="status" data-status="action" class=${statusClass}>${this._status}</p>
    `;
  }

  #loadFailed() {
    const { t } = this.context;
    return html`<div class="message is-error">
      <p>${failureMessage(t, this._error)}</p>
      ${
        retryable(this._error)
          ? html`<button class="secondary" @click=${() => void this.#load()}>
              ${t.reload}<span class="visually-hidden">: ${this.#heading()}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  #heading() {
    const { t } = this.context;
    return this.#steering ? t.handInOverviewHeading : t.handInHeading;
  }

  #handInIntro() {
    const { t } = this.context;
    return html`<h2>${this.#heading()}</h2>
      <p>${t.handInIntro}</p>
      <fieldset class="years">
        <legend>${t.handInYear}</legend>
        ${this.years.map(
          (year) =>
            html`<label class="year">
              <input
                type="radio"
                name="year"
                value=${year}
                .checked=${year === this._year}
                @change=${this.#onYear}
              />
              ${year}
            </label>`,
        )}
      </fieldset>
      ${
        this.organisationId && this._year
          ? html`<div class="explanation">
              <vo-explanation
                .context=${this.context}
                scope="organisation"
                subject-id=${this.organisationId}
                year=${this._year}
                level="3"
              ></vo-explanation>
            </div>`
          : nothing
      }`;
  }

  #handIn() {
    const year = this._year;
    const answer = year ? this._answers.get(year) : undefined;
    if (!year || !answer) return nothing;
    const { t, f } = this.context;
    const label = answer.versions.length > 0 ? t.handInSubmitAgain : t.handInSubmit;
    // Newest first: the one the steering committee sees.
    const versions = [...answer.versions].reverse();
    return html`<p data-deadline>${t.handInDeadline(f.day(answer.deadline))}</p>
      <p>
        <button
          data-submit
          aria-disabled=${this._busy ? 'true' : 'false'}
          @click=${() => void this.#submit(year)}
        >
          ${label(String(year))}
        </button>
      </p>
      <h3>${t.handInVersionsHeading}</h3>
      ${
        versions.length === 0
          ? html`<div class="message is-empty" data-no-versions>
              <p>${t.handInNone(String(year))}</p>
            </div>`
          : html`<p class="hint">${t.handInFingerprintHint}</p>
              <ol class="versions">
                ${versions.map((version) => this.#version(version))}
              </ol>`
      }`;
  }

  #version(submission: ReportSubmission) {
    const { t, f } = this.context;
    const { year, organisationId, version, sha256 } = submission;
    const number = f.integer(version);
    return html`<li class="version" data-version=${version}>
      <h4>${t.handInVersion(number)}</h4>
      <dl class="facts">
        <div>
          <dt>${t.handInAt}</dt>
          <dd>${f.dateTime(submission.submittedAt)}</dd>
        </div>
        <div>
          <dt>${t.handInBy}</dt>
          <dd>${submission.submittedBy}</dd>
        </div>
        <div class="fingerprint">
          <dt>${t.handInFingerprint}</dt>
          <dd>
            <code data-sha256-short>${sha256.slice(0, SHORT_HASH)}…</code>
            <details>
              <summary>${t.handInFingerprintFull}</summary>
              <code class="hash" data-sha256>${sha256}</code>
            </details>
          </dd>
        </div>
      </dl>
      <div class="buttons">
        ${(['html', 'json'] as const).map(
          (format) =>
            html`<button
              class="secondary"
              data-download=${`${format}-${version}`}
              aria-disabled=${this._busy ? 'true' : 'false'}
              @click=${() => void this.#download(year, organisationId, version, format)}
            >
              ${format === 'html' ? t.handInDownloadHtml : t.handInDownloadJson}
              <span class="visually-hidden">${t.handInOfVersion(number)}</span>
            </button>`,
        )}
      </div>
    </li>`;
  }

  #overviewIntro() {
    const { t } = this.context;
    return html`<h2>${this.#heading()}</h2>
      <p>${t.handInOverviewIntro}</p>`;
  }

  #overview() {
    return this.years
      .map((year) => this._answers.get(year))
      .filter((answer): answer is ReportSubmissions => !!answer)
      .map((answer) => this.#year(answer));
  }

  #year(answer: ReportSubmissions) {
    const { t, f } = this.context;
    const year = String(answer.year);
    const rows = answer.organisations;
    const handedIn = rows.filter((row) => row.status !== 'missing').length;
    return html`<section class="year-overview" aria-labelledby=${`year-${year}`}>
      <h3 id=${`year-${year}`}>${t.handInOverviewYear(year)}</h3>
      <p>
        <span data-deadline>${t.handInDeadline(f.day(answer.deadline))}</span>
        ${
          rows.length > 0
            ? t.handInCount(handedIn, f.integer(handedIn), f.integer(rows.length))
            : nothing
        }
      </p>
      ${
        rows.length === 0
          ? html`<div class="message is-empty"><p>${t.handInNoOrganisations}</p></div>`
          : html`<div
              class="table-scroll"
              tabindex="0"
              role="region"
              aria-labelledby=${`caption-${year}`}
            >
              <table data-year=${year}>
                <caption id=${`caption-${year}`}>
                  ${t.handInCaption(year)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t.handInOrganisation}</th>
                    <th scope="col">${t.handInStatus}</th>
                    <th scope="col" class="number">${t.handInNewest}</th>
                    <th scope="col">${t.handInFirstAt}</th>
                    <th scope="col">${t.handInReport}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((row) => this.#row(answer.year, row))}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  #row(year: number, row: HandInRow) {
    const { t, f } = this.context;
    const symbol = { submitted: '✓', late: '!', missing: '✗' }[row.status];
    const version = row.version;
    return html`<tr data-organisation=${row.organisationId}>
      <th scope="row">${row.organisationName}</th>
      <td class=${`status ${row.status}`} data-status=${row.status}>
        <span class="symbol" aria-hidden="true">${symbol}</span>
        ${t.handInStatuses[row.status]}
      </td>
      <td class="number">${version === null ? '–' : f.integer(version)}</td>
      <td>${row.submittedAt ? f.dateTime(row.submittedAt) : '–'}</td>
      <td>
        ${
          version === null
            ? '–'
            : html`<button
                class="secondary"
                data-download=${`html-${row.organisationId}`}
                aria-disabled=${this._busy ? 'true' : 'false'}
                @click=${() => void this.#download(year, row.organisationId, version, 'html')}
              >
                ${t.handInDownloadHtml}
                <span class="visually-hidden">${t.handInOf(row.organisationName)}</span>
              </button>`
        }
      </td>
    </tr>`;
  }
}
