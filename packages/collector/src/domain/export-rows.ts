import type { ExportFormat, ExportRow } from '@vo-feedback/shared';
import type { FeedbackRecord } from './store.ts';
import { csvRow, type CsvCell } from './csv.ts';

// One exported submission and how it is written in each format. The CSV and XLSX headings are
// Dutch, for the people who open them; the JSON keys are the API's.

const brusselsTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function exportRow(record: FeedbackRecord): ExportRow {
  return {
    id: record.id,
    serviceId: record.serviceId,
    day: record.day,
    time: brusselsTime.format(record.createdAt),
    createdAt: new Date(record.createdAt).toISOString(),
    rating: record.rating,
    outcome: record.outcome,
    step: record.step,
    lang: record.lang,
    page: record.page,
    comment: record.comment,
    redactions: record.redactions,
    channel: record.channel,
    reasons: record.reasons,
  };
}

/** The columns of the CSV and the XLSX, in order: the JSON key and the Dutch heading. */
export const EXPORT_COLUMNS: readonly { key: keyof ExportRow; heading: string; width: number }[] = [
  { key: 'id', heading: 'id', width: 38 },
  { key: 'serviceId', heading: 'dienst', width: 24 },
  { key: 'day', heading: 'datum', width: 12 },
  { key: 'time', heading: 'tijd', width: 10 },
  { key: 'createdAt', heading: 'tijdstip (UTC)', width: 26 },
  { key: 'rating', heading: 'score', width: 7 },
  { key: 'outcome', heading: 'uitkomst', width: 11 },
  { key: 'step', heading: 'stap', width: 16 },
  { key: 'lang', heading: 'taal', width: 6 },
  { key: 'page', heading: 'pagina', width: 28 },
  { key: 'comment', heading: 'opmerking', width: 80 },
  { key: 'redactions', heading: 'weggelaten persoonsgegevens', width: 14 },
  { key: 'channel', heading: 'kanaal', width: 10 },
  { key: 'reasons', heading: 'redenen', width: 40 },
];

/** A cell of the CSV and XLSX: a list (the reasons) as one text, its items separated by ", ". */
function cell(value: ExportRow[keyof ExportRow]): CsvCell {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function exportCells(row: ExportRow): CsvCell[] {
  return EXPORT_COLUMNS.map(({ key }) => cell(row[key]));
}

/** A row of the XLSX sheet: each column's key and its cell. */
export function exportSheetRow(row: ExportRow): Record<string, CsvCell> {
  return Object.fromEntries(EXPORT_COLUMNS.map(({ key }) => [key, cell(row[key])]));
}

export const EXPORT_CSV_HEADER = csvRow(EXPORT_COLUMNS.map((column) => column.heading));

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `vo-feedback-<service>-<from>-<to>.<format>`: only characters that need no escaping. */
export function exportFilename(
  serviceId: string,
  period: { from: string; to: string },
  format: string,
): string {
  return `vo-feedback-${serviceId}-${period.from}-${period.to}.${format}`;
}

/** Excel's last row is 1,048,576; one is the heading. */
export const XLSX_MAX_ROWS = 1_048_575;
