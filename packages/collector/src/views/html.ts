import { createHash } from 'node:crypto';

// What the collector's own documents (the annual report, /transparantie) share: escaping, Dutch
// number formatting and one stylesheet.

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A tagged template that escapes every interpolated value unless it is `raw`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function raw(value: string): Html {
  return new Html(value);
}

type Part = string | number | Html | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates, as a Flemish reader writes them

const integer = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-BE', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const twoDecimals = new Intl.NumberFormat('nl-BE', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const longDate = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** U+2212, easier to read than a hyphen before a number. */
const MINUS = '−';
const NBSP = '\u00a0';

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatPercent(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)}${NBSP}%`;
}

export function formatMean(mean: number): string {
  return twoDecimals.format(mean);
}

export function formatInterval(interval: readonly [number, number]): string {
  return `${oneDecimal.format(interval[0] * 100)}–${oneDecimal.format(interval[1] * 100)}${NBSP}%`;
}

/** A change with its sign: "+12", "−0,15", "+3,1 procentpunt". */
export function formatChange(value: number, kind: 'count' | 'mean' | 'points'): string {
  const magnitude = Math.abs(value);
  const text =
    kind === 'count'
      ? integer.format(magnitude)
      : kind === 'mean'
        ? twoDecimals.format(magnitude)
        : `${oneDecimal.format(magnitude * 100)}${NBSP}procentpunt`;
  if (/^0([,.]0+)?(\s|$)/u.test(text)) return text;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

/** `YYYY-MM-DD` as "28 november 2026". */
export function formatDate(day: string): string {
  return longDate.format(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))),
  );
}

export const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
export const MONTHS_SHORT = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
];

/** `YYYY-MM` as "maart 2026". */
export function formatMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The five answers, as the widget shows them. */
export const RATING_LABELS = [
  'Zeer ontevreden',
  'Ontevreden',
  'Neutraal',
  'Tevreden',
  'Zeer tevreden',
] as const;

// ---------------------------------------------------------------------------------------------
// The stylesheet. It is inlined in each document, so that a report saved to disk, opened from a
// download or written by the CLI looks the same as when it is served; the collector's CSP allows
// exactly this stylesheet by its hash (see app.ts), and nothing else inline.

export const DOCUMENT_CSS = `
:root {
  --text: #333332;
  --muted: #5c6670;
  --action: #0055cc;
  --border: #cfd5dd;
  --light: #f7f9fc;
  --accent: #ffed00;
  --previous: #687483;
  color: var(--text);
  background: #ffffff;
  font-family: 'Flanders Art Sans', Arial, sans-serif;
  font-size: 16px;
  line-height: 1.5;
}
body { margin: 0; }
.page { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
.masthead { border-top: 0.5rem solid var(--accent); background: var(--light); border-bottom: 1px solid var(--border); }
.masthead .page { padding-top: 1.5rem; padding-bottom: 1.5rem; }
.brand { margin: 0 0 0.25rem; font-weight: bold; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2.5rem 0 0.75rem; padding-top: 0.75rem; border-top: 2px solid var(--border); }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
a { color: var(--action); }
a:focus-visible { outline: 3px solid var(--action); outline-offset: 2px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.75rem 0 0; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.lead { font-size: 1.1rem; max-width: 45rem; }
.note, .none { color: var(--muted); }
/* "weinig antwoorden" beside a figure: a word in a thin frame, never a colour alone. */
.few { display: inline-block; padding: 0 0.3em; border: 1px solid currentColor; border-radius: 2px; font-size: 0.85em; line-height: 1.3; white-space: nowrap; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.35rem; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.6rem; vertical-align: top; }
thead th { background: var(--light); text-align: left; }
td.number, th.number { text-align: right; }
td.number { white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; }
.wide { width: 100%; }
.table-scroll { overflow-x: auto; }
.table-scroll:focus-visible { outline: 3px solid var(--action); outline-offset: 2px; }
.chart-with-table { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
.chart-with-table.stacked { grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
figure { margin: 0.5rem 0 1rem; }
figcaption { font-weight: bold; margin-bottom: 0.35rem; }
.chart { width: 100%; height: auto; max-width: 36rem; }
.chart text { font-family: 'Flanders Art Sans', Arial, sans-serif; font-size: 12px; fill: #333332; }
.chart .axis { stroke: #cfd5dd; }
.legend { list-style: none; padding: 0; margin: 0.25rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; }
.swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; display: inline-block; width: 1.5em; height: 0.7em; margin-right: 0.35em; vertical-align: middle; border: 1px solid currentColor; }
.swatch.current { background: #0055cc; color: #0055cc; }
.swatch.previous { background: #687483; color: #687483; }
.swatch.band { background: #c7daf5; color: #0055cc; }
.swatch.dashed { border: 0; border-top: 2px dashed #687483; height: 0; }
.themes { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.themes ol { margin: 0.25rem 0 0; padding-left: 1.5rem; }
.toc ol { padding-left: 1.5rem; }
.toc li { margin: 0.35rem 0; }
.suppressed { color: var(--muted); font-style: italic; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; }
footer { border-top: 1px solid var(--border); margin-top: 3rem; padding-top: 1rem; color: var(--muted); }
fieldset { border: 1px solid var(--border); margin: 1.25rem 0; padding: 0.75rem 1rem; max-width: 40rem; }
legend { font-weight: bold; font-size: 1.1rem; padding: 0 0.25rem; }
.choice { display: flex; align-items: center; gap: 0.75rem; min-height: 44px; padding: 0.25rem 0; box-sizing: border-box; cursor: pointer; }
.choice input { width: 24px; height: 24px; margin: 10px; flex: none; accent-color: var(--action); }
.field-label { display: block; font-weight: bold; margin-top: 1.25rem; }
textarea { display: block; width: 100%; max-width: 40rem; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 1px solid var(--muted); }
button { min-height: 44px; min-width: 44px; padding: 0.5rem 1.5rem; font: inherit; font-weight: bold; color: #ffffff; background: var(--action); border: 2px solid var(--action); border-radius: 3px; cursor: pointer; }
input:focus-visible, textarea:focus-visible, button:focus-visible { outline: 3px solid var(--action); outline-offset: 2px; }
.promise { max-width: 40rem; padding: 0.75rem 1rem; border-left: 4px solid var(--action); background: var(--light); }
.honeypot { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.poster, main:has(.poster) h1 { text-align: center; }
.poster-service { font-size: 1.5rem; font-weight: bold; }
.poster-code { margin: 1.5rem auto; width: 100%; max-width: 12cm; }
.poster-code svg { display: block; width: 100%; height: auto; }
.poster-address { font-size: 1.2rem; word-break: break-all; }
@media (max-width: 48rem) {
  .chart-with-table, .themes { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  :root { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .masthead { background: none; border-bottom: 1px solid #999999; }
  .toc, .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  /* No page break per organisation or service (half-empty pages): sections flow, small blocks
     stay whole, long tables break between rows and repeat their header row. The monthly chart
     above its table is two-thirds of a page: kept whole, it would often leave most of one blank,
     so it may break between the chart and the table. */
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  figure, .chart-with-table:not(.stacked), table:not(.wide), tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-scroll { overflow: visible; }
  table { font-size: 9pt; }
  th, td { padding: 0.15rem 0.4rem; }
  .chart-with-table { grid-template-columns: 1fr 1fr; }
  .chart-with-table.stacked { grid-template-columns: 1fr; }
}
`.trim();

/** The CSP source that allows DOCUMENT_CSS inline, and only it. */
export const DOCUMENT_STYLE_HASH = `'sha256-${createHash('sha256').update(DOCUMENT_CSS).digest('base64')}'`;

/** The head and frame every document shares. */
export function documentShell(options: { title: string; body: Html }): string {
  // Plain strings, not the html template: the <style> element's text must be exactly
  // DOCUMENT_CSS, byte for byte, or its hash no longer matches the CSP.
  return (
    '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    // No favicon request (and no 404) for a document that may be opened from disk.
    '<link rel="icon" href="data:,">\n' +
    `<title>${escapeHtml(options.title)}</title>\n` +
    `<style>${DOCUMENT_CSS}</style>\n` +
    `</head>\n<body>\n${options.body.value}\n</body>\n</html>\n`
  );
}
