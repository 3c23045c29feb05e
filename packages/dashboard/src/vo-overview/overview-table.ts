// The overview's table: a header cell per column (a sort button in each sortable one, its state
// in aria-sort), a row per service, and — grouped — a body per policy domain that opens with a
// header row of its totals; then what the flags mean.
import { html, nothing } from 'lit';
import type { Overview, OverviewFlag, OverviewRow } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { fewAnswersNote } from '../few-answers.ts';
import type { OverviewColumn } from '../i18n/steering/nl.ts';
import { routeHash } from '../routes.ts';
import {
  groupByDomain,
  isSortKey,
  type DomainGroup,
  type Sort,
  type SortKey,
} from './overview-order.ts';
import type { TopReasonLabels } from './reason-labels.ts';

/** The columns, left to right. */
export const COLUMNS: readonly OverviewColumn[] = [
  'organisation',
  'service',
  'responses',
  'csat',
  'previousCsat',
  'responseRate',
  'shareNotCompleted',
  'topReason',
  'target',
  'reportStatus',
  'flags',
];

/** The flags, in the contract's order (OVERVIEW_FLAGS, without pulling zod into the bundle). */
export const FLAGS = [
  'below-target',
  'falling',
  'few-responses',
  'silent',
] as const satisfies readonly OverviewFlag[];

const NUMBERS = new Set<OverviewColumn>([
  'responses',
  'csat',
  'previousCsat',
  'responseRate',
  'shareNotCompleted',
  'target',
]);
const WITH_INTERVAL = new Set<OverviewColumn>(['csat', 'previousCsat']);

export interface TableInput {
  context: DashboardContext;
  overview: Overview;
  /** The rows to show, filtered and in order. */
  rows: OverviewRow[];
  /** The order shown in the header (the collector's order is by organisation, ascending). */
  sort: Sort;
  grouped: boolean;
  labels: TopReasonLabels;
  onSort(key: SortKey): void;
}

export function overviewTable(input: TableInput) {
  const { context, overview, rows } = input;
  const { t, f } = context;
  return html`<div
    class="table-scroll"
    tabindex="0"
    role="region"
    aria-labelledby="overview-caption"
  >
    <table>
      <caption id="overview-caption">
        ${t.overviewCaption(String(overview.year))}
      </caption>
      <thead>
        <tr>
          ${COLUMNS.map((column) => headerCell(input, column))}
        </tr>
      </thead>
      ${
        input.grouped
          ? groupByDomain(rows, f.locale).map((group) => groupBody(input, group))
          : html`<tbody>
              ${rows.map((row) => rowOf(input, row))}
            </tbody>`
      }
    </table>
  </div>`;
}

function headerCell({ context, sort, onSort }: TableInput, column: OverviewColumn) {
  const { t } = context;
  const label = html`<span class="label"
    >${t.overviewColumns[column]}${
      WITH_INTERVAL.has(column)
        ? html`<span class="sub"> ${t.overviewWithInterval}</span>`
        : nothing
    }</span
  >`;
  const number = NUMBERS.has(column) ? 'number' : '';
  if (!isSortKey(column)) return html`<th scope="col" class=${number}>${label}</th>`;
  const sorted = sort.key === column;
  // The arrow is decoration: aria-sort says the order, the status region announces it.
  const arrow = sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '⇅';
  return html`<th
    scope="col"
    class=${number}
    aria-sort=${sorted ? sort.direction : nothing}
    data-column=${column}
  >
    <button class="sort" data-sort=${column} @click=${() => onSort(column)}>
      ${label}<span class="arrow" aria-hidden="true">${arrow}</span>
    </button>
  </th>`;
}

function intervalLine({ f }: DashboardContext, interval: readonly [number, number] | null) {
  return interval
    ? html`<span class="sub">${f.percent(interval[0])} – ${f.percent(interval[1])}</span>`
    : nothing;
}

function rowOf({ context, overview, labels }: TableInput, row: OverviewRow) {
  const { t, f, language, today } = context;
  const few = { t, minimumN: overview.minimum };
  // This year's link opens the report's own default period; another year's, that year.
  const thisYear = overview.year === Number(today.slice(0, 4));
  const href = routeHash({
    view: 'service',
    serviceId: row.serviceId,
    period: thisYear ? undefined : { from: overview.from, to: overview.to },
  });
  const reason = row.topReason
    ? (labels.get(row.serviceId)?.[language] ?? row.topReason)
    : t.overviewNoReason;
  const symbol = { submitted: '✓', late: '!', missing: '✗' }[row.reportStatus];
  return html`<tr data-service=${row.serviceId}>
    <td data-cell="organisation">${row.organisationName}</td>
    <th scope="row" data-cell="service"><a href=${href}>${row.serviceName}</a></th>
    <td class="number" data-cell="responses">${f.integer(row.responses)}</td>
    <td class="number" data-cell="csat">
      ${f.percent(row.csat)}${fewAnswersNote(few, row.responses)}
      ${intervalLine(context, row.csatInterval)}
    </td>
    <td class="number" data-cell="previousCsat">
      ${f.percent(row.previousCsat)} ${intervalLine(context, row.previousCsatInterval)}
    </td>
    <td class="number" data-cell="responseRate">
      ${
        row.responseRate === null
          ? html`<span class="words">${t.noImpressions}</span>`
          : f.percent(row.responseRate)
      }
    </td>
    <td class="number" data-cell="shareNotCompleted">${f.percent(row.shareNotCompleted)}</td>
    <td data-cell="topReason">${reason}</td>
    <td class="number" data-cell="target">
      ${row.target === null ? html`<span class="words">${t.overviewNoTarget}</span>` : f.percent(row.target)}
    </td>
    <td data-cell="reportStatus" class=${`status ${row.reportStatus}`}>
      <span class="symbol" aria-hidden="true">${symbol}</span>
      ${t.handInStatuses[row.reportStatus]}
    </td>
    <td data-cell="flags">
      ${
        row.flags.length === 0 && !row.alert
          ? t.overviewNoFlags
          : html`<ul class="flags">
              ${alertItem(context, row)}
              ${row.flags.map((flag) => html`<li data-flag=${flag}>${t.overviewFlags[flag]}</li> `)}
            </ul>`
      }
    </td>
  </tr>`;
}

/** The row's alert of the last 7 days, first among its flags, in words: what and when. */
function alertItem({ t, f }: DashboardContext, row: OverviewRow) {
  const alert = row.alert;
  if (!alert) return nothing;
  const day = f.day(alert.day);
  return html`<li data-flag="alert" class="alert">
    <span class="symbol" aria-hidden="true">⚠</span>
    ${
      alert.kind === 'satisfaction'
        ? t.overviewAlertSatisfaction(day)
        : // Steering gets no theme's words (citizens' words, for the service's providers only).
          alert.theme === null
          ? t.overviewAlertThemeUnnamed(day)
          : t.overviewAlertTheme(alert.theme, day)
    }
  </li> `;
}

/** One policy domain: a header row with its name and totals, then its rows. */
function groupBody(input: TableInput, group: DomainGroup) {
  const { t, f } = input.context;
  const count = group.rows.length;
  const totals = [t.overviewGroupTotals(count, f.integer(count), f.integer(group.responses))];
  if (group.csat !== null && group.csatInterval) {
    const [low, high] = group.csatInterval;
    totals.push(
      t.overviewGroupCsat(f.percent(group.csat), t.interval(f.percent(low), f.percent(high))),
    );
  }
  const few = { t, minimumN: input.overview.minimum };
  return html`<tbody data-domain=${group.policyDomain ?? ''}>
    <tr class="group">
      <th scope="rowgroup" colspan=${COLUMNS.length}>
        <span class="domain">${group.policyDomain ?? t.overviewNoDomain}</span>
        <span class="totals">${totals.join(', ')}${fewAnswersNote(few, group.responses)}</span>
      </th>
    </tr>
    ${group.rows.map((row) => rowOf(input, row))}
  </tbody>`;
}

/** What each flag means, in words: a flag is never a colour alone. */
export function flagMeanings({ t, f }: DashboardContext, minimum: number) {
  const meaning = (flag: OverviewFlag) => {
    const text = t.overviewFlagMeanings[flag];
    return typeof text === 'function' ? text(f.integer(minimum)) : text;
  };
  return html`<h2 id="flags-heading">${t.overviewFlagsHeading}</h2>
    <dl class="flag-meanings">
      ${FLAGS.map(
        (flag) =>
          html`<div>
            <dt>${t.overviewFlags[flag]}</dt>
            <dd>${meaning(flag)}</dd>
          </div>`,
      )}
      <div>
        <dt>${t.overviewAlertMeaningTerm}</dt>
        <dd>${t.overviewAlertMeaning}</dd>
      </div>
    </dl>`;
}
