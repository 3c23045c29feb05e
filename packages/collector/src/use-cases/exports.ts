import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '@vo-feedback/shared';
import type { FeedbackRecord, Store } from '../domain/store.ts';
import { CSV_BOM, csvRow } from '../domain/csv.ts';
import {
  EXPORT_COLUMNS,
  EXPORT_CONTENT_TYPES,
  EXPORT_CSV_HEADER,
  exportCells,
  exportFilename,
  exportRow,
  exportSheetRow,
  XLSX_MAX_ROWS,
} from '../domain/export-rows.ts';
import { periodInstants, type Period } from '../domain/period.ts';
import { ProblemError } from '../domain/problems.ts';

// Exports stream: the store yields pages of rows (keyset pagination), each page is written and
// handed on only when the reader asks for more, so memory stays flat whatever the row count.
// The HTTP route and the CLI use the same streams.

export interface ExportRequest {
  serviceId: string;
  period: Period;
  format: ExportFormat;
  /** Rows per database page. Default 1000. */
  pageSize?: number;
}

export interface Export {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

function pages(store: Store, request: ExportRequest): AsyncIterable<FeedbackRecord[]> {
  const { start, end } = periodInstants(request.period);
  return store.feedbackPages({
    serviceId: request.serviceId,
    start,
    end,
    pageSize: request.pageSize ?? 1000,
  });
}

/** A byte stream that produces the next chunk of text only when its reader asks for it. */
function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

async function* csvChunks(store: Store, request: ExportRequest): AsyncGenerator<string> {
  yield CSV_BOM + EXPORT_CSV_HEADER;
  for await (const page of pages(store, request)) {
    let chunk = '';
    for (const record of page) chunk += csvRow(exportCells(exportRow(record)));
    yield chunk;
  }
}

async function* jsonChunks(store: Store, request: ExportRequest): AsyncGenerator<string> {
  // A JSON array, one element per line, so that it can also be read line by line.
  let first = true;
  yield '[';
  for await (const page of pages(store, request)) {
    let chunk = '';
    for (const record of page) {
      chunk += `${first ? '\n' : ',\n'}${JSON.stringify(exportRow(record))}`;
      first = false;
    }
    yield chunk;
  }
  yield first ? ']\n' : '\n]\n';
}

/** Resolves when `stream` has room again, or has closed (the reader went away). */
function drained(stream: Pick<QueueingWritable, 'on' | 'off'>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** The part of a (readable-stream) writable that the wait below needs. */
interface QueueingWritable {
  _writableState?: { length?: number };
  destroyed?: boolean;
  on(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
}

/**
 * exceljs writes a sheet into its own buffer stream, which pipes into the zip archiver's stream
 * without heeding backpressure (its write never returns false): a fast database fills that
 * stream's queue with the XML of hundreds of thousands of rows (measured: +550 MB for a
 * million). This waits until the queue is below 1 MiB. It reaches into exceljs 4.4.0's internals
 * (the sheet's `stream.pipes`, a readable-stream PassThrough of archiver); should they change, it
 * waits for nothing, as before.
 */
async function compressorCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const buffer = (sheet as unknown as { stream?: { pipes?: QueueingWritable[] } }).stream;
  const queue = buffer?.pipes?.[0];
  const queued = () => queue?._writableState?.length ?? 0;
  while (queue && queued() > 1024 * 1024 && !queue.destroyed) {
    await drained(queue);
  }
}

function xlsxStream(store: Store, request: ExportRequest): ReadableStream<Uint8Array> {
  // exceljs's streaming writer commits each row to the zip as it goes: a committed row is no
  // longer held. Inline strings (no shared-string table) and no styles keep memory flat.
  const output = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Feedback');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
  let cancelled = false;
  const write = async () => {
    for await (const page of pages(store, request)) {
      if (cancelled) return;
      // Strings are written as text cells: a comment that starts with "=" stays text in Excel.
      for (const record of page) sheet.addRow(exportSheetRow(exportRow(record))).commit();
      // Wait for the compressor, then for the reader: neither applies backpressure to exceljs
      // by itself, and whatever they have not taken yet piles up in memory.
      await compressorCaughtUp(sheet);
      if (output.writableNeedDrain) await drained(output);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  const stream = Readable.toWeb(output) as ReadableStream<Uint8Array>;
  // Cancelling the web stream destroys `output`; stop reading pages then.
  output.once('close', () => (cancelled = true));
  return stream;
}

/**
 * How many submissions an export of the period holds, from the rollups: periods are whole days,
 * so the count is exact, and known before a single row is read.
 */
export async function exportRowCount(store: Store, serviceId: string, period: Period) {
  const rollups = await store.monthlyRollups(serviceId, period.from, period.to);
  let rows = 0;
  for (const r of rollups) {
    rows += r.ratings['1'] + r.ratings['2'] + r.ratings['3'] + r.ratings['4'] + r.ratings['5'];
  }
  return rows;
}

/** Throws 422 `too-many-rows` when the period has more submissions than an Excel sheet holds. */
async function checkFits(store: Store, request: ExportRequest): Promise<void> {
  if (request.format !== 'xlsx') return;
  const rows = await exportRowCount(store, request.serviceId, request.period);
  if (rows <= XLSX_MAX_ROWS) return;
  throw new ProblemError(
    422,
    'too-many-rows',
    `The period has ${rows} submissions; an Excel sheet holds ${XLSX_MAX_ROWS}. Export as CSV, or a shorter period.`,
  );
}

/**
 * The export of one service's submissions in a period, as a stream of bytes. Throws 422
 * `too-many-rows` before reading a row when the format cannot hold them.
 */
export async function exportFeedback(store: Store, request: ExportRequest): Promise<Export> {
  await checkFits(store, request);
  const stream =
    request.format === 'xlsx'
      ? xlsxStream(store, request)
      : textStream(
          request.format === 'csv' ? csvChunks(store, request) : jsonChunks(store, request),
        );
  return {
    stream,
    contentType: EXPORT_CONTENT_TYPES[request.format],
    filename: exportFilename(request.serviceId, request.period, request.format),
  };
}
