import { describe, expect, it } from 'vitest';
import { OVERVIEW_ROWS, overviewRow } from '../../test/overview.ts';
import { filterRows, groupByDomain, sortRows, wilsonInterval } from './overview-order.ts';

const ids = (rows: { serviceId: string }[]) => rows.map((row) => row.serviceId);
const NO_FILTER = { query: '', flag: '', kind: '' } as const;

describe('the overview’s rows', () => {
  it('are searched in organisation and service names, ignoring case and accents', () => {
    expect(ids(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, query: 'GENT' }))).toEqual([
      'parkeerkaart',
    ]);
    expect(ids(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, query: 'omgeving' }))).toEqual([
      'bouwaanvraag',
      'omgevingsloket',
    ]);
    const accented = [overviewRow({ serviceId: 'x', serviceName: 'Aanvraag één' })];
    expect(ids(filterRows(accented, { ...NO_FILTER, query: 'een' }))).toEqual(['x']);
    expect(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, query: 'xyz' })).toEqual([]);
  });

  it('are filtered on an alert of the last 7 days; a row without the field has none', () => {
    const rows = [
      overviewRow({
        serviceId: 'a',
        alert: { kind: 'theme', day: '2026-06-14', theme: 'wachttijd' },
      }),
      overviewRow({ serviceId: 'b', alert: null }),
      overviewRow({ serviceId: 'c' }),
      overviewRow({
        serviceId: 'd',
        alert: { kind: 'satisfaction', day: '2026-06-09', theme: null },
      }),
    ];
    expect(ids(filterRows(rows, { ...NO_FILTER, flag: 'alert' }))).toEqual(['a', 'd']);
  });

  it('are filtered by flag and by kind of government, together with the search', () => {
    expect(ids(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, flag: 'silent' }))).toEqual([
      'afvalkalender',
      'parkeerkaart',
    ]);
    expect(ids(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, kind: 'local' }))).toEqual([
      'parkeerkaart',
    ]);
    // A row without a kind is in no kind's filter.
    expect(ids(filterRows(OVERVIEW_ROWS, { ...NO_FILTER, kind: 'flemish' }))).toEqual([
      'bouwaanvraag',
      'omgevingsloket',
    ]);
    expect(filterRows(OVERVIEW_ROWS, { query: 'gent', flag: 'below-target', kind: '' })).toEqual(
      [],
    );
  });

  it('sort by a figure with the rows without it last, either way, ties in the given order', () => {
    const csat = (direction: 'ascending' | 'descending') =>
      ids(sortRows(OVERVIEW_ROWS, { key: 'csat', direction }, 'nl-BE'));
    expect(csat('ascending')).toEqual([
      'bouwaanvraag',
      'parkeerkaart',
      'omgevingsloket',
      'afvalkalender',
    ]);
    expect(csat('descending')).toEqual([
      'omgevingsloket',
      'parkeerkaart',
      'bouwaanvraag',
      'afvalkalender',
    ]);
    // Two without a response rate keep the collector's order in both directions.
    const rate = sortRows(OVERVIEW_ROWS, { key: 'responseRate', direction: 'descending' }, 'nl');
    expect(ids(rate)).toEqual(['bouwaanvraag', 'omgevingsloket', 'afvalkalender', 'parkeerkaart']);
    expect(ids(sortRows(OVERVIEW_ROWS, undefined, 'nl'))).toEqual(ids(OVERVIEW_ROWS));
  });

  it('sort by name in the language’s collation', () => {
    const rows = [
      overviewRow({ serviceId: 'b', serviceName: 'Zwembad', organisationName: 'Stad Aalst' }),
      overviewRow({ serviceId: 'a', serviceName: 'Éénloket', organisationName: 'Stad Aalst' }),
      overviewRow({ serviceId: 'c', serviceName: 'Afval', organisationName: 'Gemeente Zele' }),
    ];
    expect(ids(sortRows(rows, { key: 'service', direction: 'ascending' }, 'nl-BE'))).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(ids(sortRows(rows, { key: 'organisation', direction: 'descending' }, 'nl-BE'))).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('group by policy domain, alphabetically and the rows without one last, with totals', () => {
    const groups = groupByDomain(OVERVIEW_ROWS, 'nl-BE');
    expect(groups.map((group) => [group.policyDomain, ids(group.rows)])).toEqual([
      ['Binnenlands Bestuur', ['parkeerkaart']],
      ['Omgeving', ['bouwaanvraag', 'omgevingsloket']],
      [null, ['afvalkalender']],
    ]);
    const omgeving = groups[1]!;
    // 10 of 20 and 34 of 40 satisfied.
    expect(omgeving.responses).toBe(60);
    expect(omgeving.csat).toBeCloseTo(44 / 60, 10);
    expect(omgeving.csatInterval).toEqual(wilsonInterval(44, 60));
    expect(groups[2]!.csat).toBe(null);
    expect(groups[2]!.csatInterval).toBe(null);
  });

  it('compute the Wilson interval as the collector does', () => {
    const [low, high] = wilsonInterval(10, 20)!;
    expect(low).toBeCloseTo(0.2993, 4);
    expect(high).toBeCloseTo(0.7007, 4);
    expect(wilsonInterval(0, 0)).toBe(null);
    expect(wilsonInterval(5, 5)![1]).toBe(1);
  });
});
