import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DEFAULT_REASONS, type Overview, type Role } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  serviceConfig,
  tableRows,
  textOf,
  until,
} from '../../test/fixtures.ts';
import { overview, OVERVIEW_ROWS } from '../../test/overview.ts';
import type { VoOverview } from './vo-overview.ts';

/** Parkeerkaart's own list of reasons: its top reason is not one of the defaults. */
const OWN_REASONS = [
  {
    code: 'parking-full',
    labels: { nl: 'Parking vol', fr: 'Parking complet', en: 'Car park full', de: 'Parkplatz voll' },
  },
];

/** The collector's answers: the overview of a year, and the services' public configuration. */
function api(answer: (year: number) => Overview | Promise<Overview> = () => overview()) {
  return new FakeApi({
    overview: answer,
    serviceConfig: (serviceId) =>
      serviceConfig({
        serviceId,
        reasons: serviceId === 'parkeerkaart' ? OWN_REASONS : [...DEFAULT_REASONS],
      }),
    download: (_path, _query, fallbackName) => fallbackName,
  });
}

async function mounted(fake: FakeApi, role: Role = 'steering', width = '') {
  const { el: box } = await mount<HTMLDivElement>(
    html`<div style=${width ? `width: ${width}` : ''}>
      <vo-overview .context=${context(fake, { role })}></vo-overview>
    </div>`,
  );
  return box.querySelector('vo-overview')!;
}

const $ = <E extends Element = HTMLElement>(el: VoOverview, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoOverview, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const ready = (el: VoOverview) => until(() => el.state !== 'loading');
const services = (el: VoOverview) =>
  $$(el, 'tbody tr[data-service]').map((row) => (row as HTMLElement).dataset.service);
const shown = (el: VoOverview) => textOf($(el, '[data-status="shown"]')!);
const sortButton = (el: VoOverview, column: string) =>
  $<HTMLButtonElement>(el, `button[data-sort="${column}"]`)!;
const ariaSort = (el: VoOverview) =>
  $$(el, 'th[aria-sort]').map((th) => [
    (th as HTMLElement).dataset.column,
    th.getAttribute('aria-sort'),
  ]);

describe('<vo-overview>', () => {
  it('shows every service of the year in one table, in words, and passes axe loading and loaded', async () => {
    const answer = deferred<Overview>();
    const fake = api(() => answer.promise);
    const el = await mounted(fake);
    expect(el.state).to.equal('loading');
    expect(textOf($(el, '[data-status="load"]')!)).to.equal('Het overzicht wordt geladen…');
    await expect(el).to.be.accessible();

    answer.resolve(overview());
    await ready(el);
    expect(el.state).to.equal('ready');
    expect(
      fake.calls.filter((call) => call.method === 'overview').map((c) => c.args),
    ).to.deep.equal([[2026]]);
    expect(textOf($(el, '[data-status="load"]')!)).to.equal(
      'Cijfers van 1 januari 2026 tot en met 15 juni 2026.',
    );
    expect(textOf($(el, 'caption')!)).to.equal('Diensten in 2026');
    expect($$(el, 'thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect(tableRows(el)).to.deep.equal([
      [
        'Departement Omgeving',
        'Bouwaanvraag',
        '20',
        '50,0% 30,0% – 70,0%',
        '60,0% 39,0% – 78,0%',
        '80,0%',
        '42,0%',
        'Er was een technisch probleem',
        '80,0%',
        '! Te laat',
        'onder doel',
      ],
      [
        'Departement Omgeving',
        'Omgevingsloket',
        '40',
        '85,0% 71,0% – 93,0%',
        '90,0% 77,0% – 96,0%',
        '20,0%',
        '10,0%',
        'Het duurde te lang',
        '80,0%',
        '✓ Ingediend',
        'geen',
      ],
      [
        'Gemeente Kleinstad',
        'Afvalkalender',
        '0',
        '–',
        '–',
        'geen vertoningen geteld',
        '–',
        'geen',
        '70,0%',
        '✗ Ontbreekt',
        'stil',
      ],
      [
        'Stad Gent',
        'Parkeerkaart',
        '4',
        '75,0% weinig antwoorden 30,0% – 95,0%',
        '–',
        'geen vertoningen geteld',
        '50,0%',
        'Parking vol',
        'geen doel',
        '✗ Ontbreekt',
        'weinig antwoorden stil',
      ],
    ]);
    // One configuration names the default reasons; only the service with its own list is asked.
    expect(
      fake.calls.filter((call) => call.method === 'serviceConfig').map((c) => c.args[0]),
    ).to.deep.equal(['bouwaanvraag', 'parkeerkaart']);
    // The service is the row's header and links to its report.
    const link = $<HTMLAnchorElement>(el, 'tbody th[scope="row"] a')!;
    expect(link.getAttribute('href')).to.equal('#/services/bouwaanvraag');
    // The collector's order is by organisation: said in the header.
    expect(ariaSort(el)).to.deep.equal([['organisation', 'ascending']]);
    const region = $(el, '.table-scroll')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-labelledby')).to.equal($(el, 'caption')!.id);
    expect(textOf($(el, '.flag-meanings')!)).to.contain('minder dan 10 antwoorden');
    await expect(el).to.be.accessible();
  });

  it('says so when the year has no active services, and passes axe', async () => {
    const el = await mounted(
      api(() => overview([])),
      'provider',
    );
    await ready(el);
    expect(el.state).to.equal('empty');
    expect(textOf($(el, '[data-empty]')!)).to.equal(
      'Er zijn in dit jaar geen actieve diensten om te tonen.',
    );
    expect($(el, 'table')).to.equal(null);
    expect(textOf(el)).to.contain('De actieve diensten van uw organisatie naast elkaar');
    await expect(el).to.be.accessible();
  });

  it('says what went wrong and tries again, and passes axe', async () => {
    let fail = true;
    const fake = api(() => {
      if (fail) throw new ApiError('server', 500, 'boom');
      return overview();
    });
    const el = await mounted(fake);
    await ready(el);
    expect(el.state).to.equal('error');
    const alert = $(el, '[role="alert"]')!;
    expect(textOf(alert)).to.contain(el.context.t.serverError);
    await expect(el).to.be.accessible();
    fail = false;
    alert.querySelector('button')!.click();
    await ready(el);
    expect(el.state).to.equal('ready');
    expect(services(el)).to.have.length(4);
  });

  it('sorts by each figure with the keyboard, says the order in aria-sort and announces it', async () => {
    const el = await mounted(api());
    await ready(el);
    sortButton(el, 'csat').focus();
    await userEvent.keyboard('{Enter}');
    await until(() => ariaSort(el)[0]?.[0] === 'csat');
    expect(ariaSort(el)).to.deep.equal([['csat', 'ascending']]);
    // Without a figure last, in either direction.
    expect(services(el)).to.deep.equal([
      'bouwaanvraag',
      'parkeerkaart',
      'omgevingsloket',
      'afvalkalender',
    ]);
    expect(shown(el)).to.equal('Gesorteerd op Tevredenheid, oplopend. 4 diensten getoond.');
    // Focus stays on the button: pressed again, the order turns round.
    expect(el.shadowRoot!.activeElement).to.equal(sortButton(el, 'csat'));
    await userEvent.keyboard(' ');
    await until(() => ariaSort(el)[0]?.[1] === 'descending');
    expect(services(el)).to.deep.equal([
      'omgevingsloket',
      'parkeerkaart',
      'bouwaanvraag',
      'afvalkalender',
    ]);
    expect(shown(el)).to.equal('Gesorteerd op Tevredenheid, aflopend. 4 diensten getoond.');

    sortButton(el, 'responses').focus();
    await userEvent.keyboard('{Enter}');
    await until(() => ariaSort(el)[0]?.[0] === 'responses');
    expect(services(el)).to.deep.equal([
      'afvalkalender',
      'parkeerkaart',
      'bouwaanvraag',
      'omgevingsloket',
    ]);
    for (const column of ['previousCsat', 'responseRate', 'shareNotCompleted', 'target']) {
      sortButton(el, column).click();
      await until(() => ariaSort(el)[0]?.[0] === column);
    }
    // Target ascending: 70 %, 80 %, 80 % (ties in the collector's order), then none.
    expect(services(el)).to.deep.equal([
      'afvalkalender',
      'bouwaanvraag',
      'omgevingsloket',
      'parkeerkaart',
    ]);
    await expect(el).to.be.accessible();
  });

  it('searches organisation and service names and announces how many services are shown', async () => {
    const el = await mounted(api());
    await ready(el);
    const search = $<HTMLInputElement>(el, '#overview-search')!;
    search.focus();
    await userEvent.keyboard('omgeving');
    await until(() => services(el).length === 2);
    expect(services(el)).to.deep.equal(['bouwaanvraag', 'omgevingsloket']);
    expect(shown(el)).to.equal('2 diensten getoond.');
    await userEvent.clear(search);
    await userEvent.keyboard('parkeer');
    await until(() => services(el).length === 1);
    expect(shown(el)).to.equal('1 dienst getoond.');

    await userEvent.keyboard('xyz');
    await until(() => $(el, '[data-none-found]'));
    expect(shown(el)).to.equal('0 diensten getoond.');
    expect($(el, 'table')).to.equal(null);
    expect(textOf($(el, '[data-none-found]')!)).to.contain('Wis de zoekterm');
    await expect(el).to.be.accessible();
  });

  it('filters by flag and by kind of government', async () => {
    const el = await mounted(api());
    await ready(el);
    const flag = $<HTMLSelectElement>(el, '#overview-flag')!;
    const kind = $<HTMLSelectElement>(el, '#overview-kind')!;
    expect([...flag.options].map((option) => textOf(option))).to.deep.equal([
      'Alle diensten',
      'alarm in de laatste 7 dagen',
      'onder doel',
      'dalend',
      'weinig antwoorden',
      'stil',
    ]);
    flag.focus();
    await userEvent.selectOptions(flag, 'silent');
    await until(() => services(el).length === 2);
    expect(services(el)).to.deep.equal(['afvalkalender', 'parkeerkaart']);
    expect(shown(el)).to.equal('2 diensten getoond.');
    await userEvent.selectOptions(kind, 'local');
    await until(() => services(el).length === 1);
    expect(services(el)).to.deep.equal(['parkeerkaart']);
    await userEvent.selectOptions(flag, 'falling');
    await until(() => $(el, '[data-none-found]'));
    await expect(el).to.be.accessible();
  });

  it('marks a service with an alert of the last 7 days in words, and filters on it', async () => {
    const rows = OVERVIEW_ROWS.map((row) =>
      row.serviceId === 'omgevingsloket'
        ? { ...row, alert: { kind: 'satisfaction' as const, day: '2026-06-14', theme: null } }
        : row.serviceId === 'parkeerkaart'
          ? { ...row, alert: { kind: 'theme' as const, day: '2026-06-12', theme: 'wachttijd' } }
          : { ...row, alert: null },
    );
    const el = await mounted(api(() => overview(rows)));
    await ready(el);
    // The cell's words, without the symbol that only adds to them.
    const flags = (serviceId: string) =>
      textOf($(el, `tr[data-service="${serviceId}"] [data-cell="flags"]`)!).replace('⚠ ', '');
    expect(flags('omgevingsloket')).to.equal('alarm: tevredenheid gedaald (14 juni 2026)');
    expect(flags('parkeerkaart')).to.equal(
      'alarm: thema „wachttijd” gestegen (12 juni 2026) weinig antwoorden stil',
    );
    expect(flags('bouwaanvraag')).to.equal('onder doel');
    // The symbol is decoration: the words carry it.
    const marker = $(el, '[data-flag="alert"] .symbol')!;
    expect(marker.getAttribute('aria-hidden')).to.equal('true');
    expect(textOf($(el, '.flag-meanings')!)).to.contain('95 %-interval van die week');
    await expect(el).to.be.accessible();

    const flag = $<HTMLSelectElement>(el, '#overview-flag')!;
    flag.focus();
    await userEvent.selectOptions(flag, 'alert');
    await until(() => services(el).length === 2);
    expect(services(el)).to.deep.equal(['omgevingsloket', 'parkeerkaart']);
    expect(shown(el)).to.equal('2 diensten getoond.');
    await expect(el).to.be.accessible();

    // A collector from before alerts sends rows without the field: no marker, no error.
    const old = await mounted(api(() => overview(OVERVIEW_ROWS)));
    await ready(old);
    expect($(old, '[data-flag="alert"]')).to.equal(null);

    // Steering gets no theme's words: that a theme rose, in words all the same.
    const unnamedRows = rows.map((row) =>
      row.alert?.kind === 'theme' ? { ...row, alert: { ...row.alert, theme: null } } : row,
    );
    const unnamed = await mounted(api(() => overview(unnamedRows)));
    await ready(unnamed);
    const marker2 = $(unnamed, 'tr[data-service="parkeerkaart"] [data-flag="alert"]')!;
    expect(textOf(marker2).replace('⚠ ', '')).to.equal('alarm: een thema gestegen (12 juni 2026)');
    await expect(unnamed).to.be.accessible();
  });

  it('groups by policy domain with each domain’s totals, and passes axe', async () => {
    const el = await mounted(api());
    await ready(el);
    const group = $<HTMLInputElement>(el, '#overview-group')!;
    group.focus();
    await userEvent.keyboard(' ');
    await until(() => $$(el, 'tbody[data-domain]').length === 3);
    expect(shown(el)).to.equal('4 diensten getoond.');
    const headers = $$(el, 'tr.group th').map((th) => textOf(th));
    expect(headers).to.deep.equal([
      'Binnenlands Bestuur 1 dienst, 4 antwoorden, tevredenheid 75,0% (95 %-betrouwbaarheidsinterval 30,1% tot 95,4%) weinig antwoorden',
      'Omgeving 2 diensten, 60 antwoorden, tevredenheid 73,3% (95 %-betrouwbaarheidsinterval 61,0% tot 82,9%)',
      'Geen beleidsdomein 1 dienst, 0 antwoorden',
    ]);
    expect($$(el, 'tr.group th').every((th) => th.getAttribute('scope') === 'rowgroup')).to.equal(
      true,
    );
    expect(services(el)).to.deep.equal([
      'parkeerkaart',
      'bouwaanvraag',
      'omgevingsloket',
      'afvalkalender',
    ]);
    // Sorted within each domain.
    sortButton(el, 'responses').click();
    await until(() => ariaSort(el)[0]?.[0] === 'responses');
    expect(services(el)).to.deep.equal([
      'parkeerkaart',
      'bouwaanvraag',
      'omgevingsloket',
      'afvalkalender',
    ]);
    sortButton(el, 'responses').click();
    await until(() => ariaSort(el)[0]?.[1] === 'descending');
    expect(services(el)).to.deep.equal([
      'parkeerkaart',
      'omgevingsloket',
      'bouwaanvraag',
      'afvalkalender',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows last year on request, its services linked to that year', async () => {
    const fake = api((year) => overview(OVERVIEW_ROWS.slice(0, 1), year));
    const el = await mounted(fake);
    await ready(el);
    const lastYear = $$(el, 'input[name="overview-year"]')[1] as HTMLInputElement;
    expect(textOf(lastYear.parentElement!)).to.equal('Vorig jaar (2025)');
    lastYear.focus();
    await userEvent.keyboard(' ');
    await until(() => textOf($(el, 'caption') ?? el).includes('2025'));
    await ready(el);
    expect(
      fake.calls.filter((call) => call.method === 'overview').map((c) => c.args),
    ).to.deep.equal([[2026], [2025]]);
    expect($<HTMLAnchorElement>(el, 'tbody a')!.getAttribute('href')).to.equal(
      '#/services/bouwaanvraag?from=2025-01-01&to=2025-12-31',
    );
  });

  it('keeps the codes when the reasons cannot be read', async () => {
    const fake = new FakeApi({
      overview: () => overview(),
      serviceConfig: () => {
        throw new ApiError('not-found', 404, 'gone');
      },
    });
    const el = await mounted(fake);
    await ready(el);
    expect($$(el, 'td[data-cell="topReason"]').map((cell) => textOf(cell))).to.deep.equal([
      'technical-problem',
      'too-slow',
      'geen',
      'parking-full',
    ]);
    // The first failure stops there: no request per row.
    expect(fake.calls.filter((call) => call.method === 'serviceConfig')).to.have.length(1);
  });

  it('downloads the year’s rows as CSV with the token in the header', async () => {
    const fake = api();
    const el = await mounted(fake);
    await ready(el);
    const button = $<HTMLButtonElement>(el, 'button[data-download="overview-csv"]')!;
    expect(textOf(button)).to.equal('CSV downloaden');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => textOf($(el, '[data-status="download"]')!).includes('gedownload'));
    expect(
      fake.calls.filter((call) => call.method === 'download').map((c) => c.args),
    ).to.deep.equal([['/overview', { year: 2026, format: 'csv' }, 'overzicht-diensten-2026.csv']]);
    expect(textOf($(el, '[data-status="download"]')!)).to.equal(
      'overzicht-diensten-2026.csv is gedownload.',
    );
  });

  it('scrolls the table inside its region at 320 px, not the page', async () => {
    const el = await mounted(api(), 'steering', '320px');
    await ready(el);
    const region = $(el, '.table-scroll')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(region.clientWidth).to.be.at.most(320);
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await expect(el).to.be.accessible();
  });
});
