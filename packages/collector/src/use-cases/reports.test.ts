import { describe, expect, it } from 'vitest';
import { ProblemError } from '../domain/problems.ts';
import { openTestStore } from '../test-support/backend.ts';
import { sqlRun } from '../test-support/sql.ts';
import { exportFeedback } from './exports.ts';
import { annualReport, publicStats, reportFilename } from './reports.ts';

// The use cases behind the report routes and the CLI: they return data, or throw the problem the
// API answers (the CLI says it in its own words).

async function store() {
  const opened = await openTestStore();
  await opened.createOrganisation({ id: 'org-a', name: 'Organisatie A' });
  await opened.createService({
    id: 'dienst-a',
    name: 'Dienst A',
    organisationId: 'org-a',
    allowedOrigins: [],
    active: true,
    publicServiceUri: null,
  });
  return opened;
}

const now = Date.parse('2026-06-15T12:00:00Z');

describe('the annual report', () => {
  it('is the report itself, named as the API and the CLI name its file', async () => {
    const report = await annualReport(await store(), {
      year: 2026,
      organisationId: 'org-a',
      now,
      minimum: 10,
    });
    expect(report).toMatchObject({ year: 2026, organisationId: 'org-a', minimum: 10 });
    expect(report.organisations.map((o) => o.organisationId)).toEqual(['org-a']);
    expect(reportFilename(2026, 'org-a', 'html')).toBe('jaarrapport-feedback-2026-org-a.html');
    expect(reportFilename(2026, null, 'csv')).toBe(
      'jaarrapport-feedback-2026-alle-organisaties.csv',
    );
  });

  it('throws 404 unknown-organisation, and 400 for a year that has not begun', async () => {
    const opened = await store();
    const unknown = annualReport(opened, { year: 2026, organisationId: 'org-x', now, minimum: 10 });
    await expect(unknown).rejects.toBeInstanceOf(ProblemError);
    await expect(unknown).rejects.toMatchObject({
      status: 404,
      slug: 'unknown-organisation',
      detail: 'There is no such organisation.',
    });
    await expect(
      annualReport(opened, { year: 2027, organisationId: null, now, minimum: 10 }),
    ).rejects.toMatchObject({ status: 400, detail: 'That year has not begun.' });
  });
});

describe('the public statistics', () => {
  it('cover the period they are given', async () => {
    const stats = await publicStats(await store(), {
      year: 2025,
      period: { from: '2025-01-01', to: '2025-12-31' },
      minimum: 10,
    });
    expect(stats).toMatchObject({ year: 2025, from: '2025-01-01', to: '2025-12-31' });
    expect(stats.services).toEqual([
      expect.objectContaining({ serviceId: 'dienst-a', suppressed: true }),
    ]);
  });
});

describe('an export', () => {
  it('throws 422 too-many-rows before reading a row when Excel cannot hold the period', async () => {
    const opened = await store();
    await sqlRun(
      opened,
      "insert into daily_rollups (service_id, day, outcome, rating_5) values ('dienst-a', '2026-01-02', '', 1048576)",
    );
    const request = { serviceId: 'dienst-a', period: { from: '2026-01-01', to: '2026-01-31' } };
    await expect(exportFeedback(opened, { ...request, format: 'xlsx' })).rejects.toMatchObject({
      status: 422,
      slug: 'too-many-rows',
      detail:
        'The period has 1048576 submissions; an Excel sheet holds 1048575. Export as CSV, or a shorter period.',
    });
    const csv = await exportFeedback(opened, { ...request, format: 'csv' });
    expect(csv.filename).toBe('vo-feedback-dienst-a-2026-01-01-2026-01-31.csv');
    await csv.stream.cancel();
  });
});
