import { LitElement, html } from 'lit';
import type { ServiceInfo } from '@vo-feedback/shared';
import { servicePath } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { DownloadButtons, type Download } from '../download.ts';
import { inputs } from '../element.ts';
import type { Period } from '../period.ts';
import { styles } from './vo-downloads.styles.ts';

/**
 * Download buttons: the period's answers as CSV or XLSX (providers only: they contain comments)
 * and the annual report as HTML or CSV — of the service's organisation beside a service, or on the
 * service list of the token's own organisation (provider) or of all organisations (steering),
 * for this year and the last. Each download is fetched
 * with the token in the `Authorization` header and handed to the browser as a file; the token
 * never appears in a URL.
 *
 * Accessibility criteria: real buttons that name the format; progress, success and failure are
 * announced in a status region; a failure says what to do.
 *
 * @summary The export and annual report downloads.
 * @tagname vo-downloads
 */
export class VoDownloads extends LitElement {
  static override styles = styles;

  static override properties = {
    ...inputs('context', 'service', 'period', 'years'),
  };

  declare context: DashboardContext;
  /** The service whose answers and organisation's report are offered; none on the service list. */
  declare service: ServiceInfo | undefined;
  /** The period of the exports; the annual report is that of the year the period ends in. */
  declare period: Period | undefined;
  /** The annual report years offered when there is no period. */
  declare years: string[];
  readonly #downloads = new DownloadButtons(this);

  constructor() {
    super();
    this.service = undefined;
    this.period = undefined;
    this.years = [];
  }

  #years(): string[] {
    return this.period ? [this.period.to.slice(0, 4)] : this.years;
  }

  #offered(): Download[] {
    const { t, role } = this.context;
    const service = this.service;
    const period = this.period;
    const exports: Download[] =
      role === 'provider' && service && period
        ? (['csv', 'xlsx'] as const).map((format) => ({
            id: `export-${format}`,
            label: format === 'csv' ? t.exportCsv : t.exportXlsx,
            path: servicePath(service.id, 'export'),
            query: { format, from: period.from, to: period.to },
            fallbackName: `${service.id}-${period.from}-${period.to}.${format}`,
          }))
        : [];
    // Without a service: a provider's own organisation (the collector knows it from the token),
    // or every organisation for the steering committee.
    const organisation = service?.organisationId;
    const reports: Download[] = this.#years().flatMap((year) =>
      (['html', 'csv'] as const).map((format) => ({
        id: `annual-${format}-${year}`,
        label: format === 'html' ? t.annualHtml(year) : t.annualCsv(year),
        path: '/reports/annual',
        query: { year, format, ...(organisation ? { organisation } : {}) },
        fallbackName: `jaarrapport-feedback-${year}-${organisation ?? 'alle-organisaties'}.${format}`,
      })),
    );
    return [...exports, ...reports];
  }

  override render() {
    const { t, f, role } = this.context;
    const period = this.period;
    const intro = period
      ? role === 'provider'
        ? t.downloadsIntro(f.day(period.from), f.day(period.to))
        : t.steeringDownloadsIntro(period.to.slice(0, 4))
      : role === 'provider'
        ? t.ownReportsIntro
        : t.allReportsIntro;
    return html`
      <h2>${t.downloadsHeading}</h2>
      <p>${intro}</p>
      ${this.#downloads.buttons(this.#offered())} ${this.#downloads.status()}
    `;
  }
}
