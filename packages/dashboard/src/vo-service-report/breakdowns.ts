// The report's splits of a period's responses — by outcome, channel, language, step and reason —
// each a section with a bar chart and its table. Satisfaction counted on fewer answers than
// MIN_PUBLIC_N says "weinig antwoorden" beside it.
import { html } from 'lit';
import type { Figures, ServiceConfig, Summary } from '@vo-feedback/shared';
import { OUTCOMES } from '@vo-feedback/shared/constants';
import type { DashboardContext } from '../context.ts';
import { fewAnswersNote } from '../few-answers.ts';
import type { Bar } from '../vo-bar-chart/vo-bar-chart.component.ts';

type Interval = readonly [number, number] | null;

/** A share with "weinig antwoorden" beside it when it is counted on few answers. */
function shareCell(context: DashboardContext, share: number | null, answers: number) {
  return html`${context.f.percent(share)}${fewAnswersNote(context, answers)}`;
}

function intervalCell({ f }: DashboardContext, interval: Interval): string {
  return interval ? `${f.percent(interval[0])} – ${f.percent(interval[1])}` : '–';
}

/** A group's satisfaction (with "weinig antwoorden" under the minimum) and its interval. */
function csatCells(
  context: DashboardContext,
  figures: { csat: number | null; csatInterval: Interval; responses: number },
) {
  return [
    shareCell(context, figures.csat, figures.responses),
    intervalCell(context, figures.csatInterval),
  ];
}

/** One section: its heading, an introduction and the chart with its table. */
function section(
  { t, f }: DashboardContext,
  name: string,
  heading: string,
  intro: string,
  chart: {
    bars: Bar[];
    description: string;
    labelHeader: string;
    extraHeaders: string[];
  },
) {
  return html`<section class="panel" aria-labelledby=${`${name}-heading`}>
    <h2 id=${`${name}-heading`}>${heading}</h2>
    <p>${intro}</p>
    <vo-bar-chart
      data-chart=${name}
      .bars=${chart.bars}
      .formats=${f}
      .extraHeaders=${chart.extraHeaders}
      description=${chart.description}
      caption=${heading}
      label-header=${chart.labelHeader}
      value-header=${t.responses}
      share-header=${t.share}
    ></vo-bar-chart>
  </section>`;
}

export function outcomesSection(context: DashboardContext, summary: Summary) {
  const { t, f } = context;
  const keys = [...OUTCOMES, 'unknown' as const];
  const bars: Bar[] = keys
    .map((key) => [key, summary.byOutcome[key]] as const)
    .filter((entry): entry is readonly [(typeof keys)[number], Figures] => !!entry[1])
    .map(([key, figures]) => ({
      label: t.outcomes[key],
      value: figures.responses,
      extra: [shareCell(context, figures.csat, figures.responses), f.mean(figures.mean)],
    }));
  return section(context, 'outcomes', t.outcomesHeading, t.outcomesIntro, {
    bars,
    description: t.outcomesChart(f.integer(summary.responses)),
    labelHeader: t.outcome,
    extraHeaders: [t.csat, t.meanShort],
  });
}

export function channelsSection(context: DashboardContext, summary: Summary) {
  const { t, f } = context;
  const bars: Bar[] = summary.byChannel.map((figures) => ({
    label: t.channels[figures.channel],
    value: figures.responses,
    extra: csatCells(context, figures),
  }));
  return section(context, 'channels', t.channelsHeading, t.channelsIntro, {
    bars,
    description: t.channelsChart(f.integer(summary.responses)),
    labelHeader: t.channel,
    extraHeaders: [t.csat, t.intervalColumn],
  });
}

/** The responses per language, in the order of the contract's languages. */
export function languagesSection(context: DashboardContext, summary: Summary) {
  const { t, f } = context;
  const bars: Bar[] = summary.byLanguage.map((figures) => ({
    label: t.languageNames[figures.lang],
    value: figures.responses,
    extra: csatCells(context, figures),
  }));
  return section(context, 'languages', t.languagesHeading, t.languagesIntro, {
    bars,
    description: t.languagesChart(f.integer(summary.responses)),
    labelHeader: t.language,
    extraHeaders: [t.csat, t.intervalColumn],
  });
}

/**
 * The responses per step in journey order, with the share of them that did not get through; in
 * words when the pages gave no step.
 */
export function stepsSection(context: DashboardContext, summary: Summary) {
  const { t, f } = context;
  if (summary.byStep.length === 0) {
    return html`<section class="panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">${t.stepsHeading}</h2>
      <div class="message is-empty" data-empty="steps"><p>${t.stepsNone}</p></div>
    </section>`;
  }
  const bars: Bar[] = summary.byStep.map((figures) => ({
    label: figures.step,
    value: figures.responses,
    extra: [
      ...csatCells(context, figures),
      shareCell(context, figures.shareNotCompleted, figures.withOutcome),
    ],
  }));
  return section(context, 'steps', t.stepsHeading, t.stepsIntro, {
    bars,
    description: t.stepsChart(f.integer(summary.responses)),
    labelHeader: t.step,
    extraHeaders: [t.csat, t.intervalColumn, t.notCompleted],
  });
}

/**
 * The reasons ticked after a rating of 1–3, by their label in the dashboard's language (a code the
 * service no longer lists keeps its code: its figures still count), or in words why there are none.
 */
export function reasonsSection(
  context: DashboardContext,
  summary: Summary,
  config: ServiceConfig | undefined,
) {
  const { t, f, language } = context;
  const lowCount = summary.ratings['1'] + summary.ratings['2'] + summary.ratings['3'];
  const low = f.integer(lowCount);
  const labels = new Map(
    (config?.reasons ?? []).map((reason) => [reason.code, reason.labels[language]]),
  );
  const bars: Bar[] = summary.byReason.map((figures) => ({
    label: labels.get(figures.reason) ?? figures.reason,
    value: figures.count,
    share: figures.share,
  }));
  const body =
    bars.length > 0
      ? html`<p>${t.reasonsIntro(low)}${fewAnswersNote(context, lowCount)}</p>
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
