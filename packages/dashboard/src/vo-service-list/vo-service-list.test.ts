import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ServiceInfo, Summary } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import type { Period } from '../period.ts';
import { context, FakeApi, mount, SERVICES, summary, textOf, until } from '../../test/fixtures.ts';
import type { VoServiceList } from './vo-service-list.ts';

/** This year 80 % (n = 10); the same stretch of last year 60 % (n = 5), or a failure. */
function api(failing = '') {
  return new FakeApi({
    summary: (serviceId: string, period: Period) => {
      if (serviceId === failing) throw new ApiError('server', 500, 'Internal Server Error');
      return period.from === '2026-01-01'
        ? summary({ serviceId })
        : summary({ serviceId, responses: 5, csat: 0.6, csatInterval: [0.23, 0.88] });
    },
  });
}

async function mounted(
  fake: FakeApi,
  role: 'provider' | 'steering' = 'provider',
  services: ServiceInfo[] = SERVICES,
) {
  const { el } = await mount<VoServiceList>(
    html`<vo-service-list
      .context=${context(fake, { role })}
      .services=${services}
    ></vo-service-list>`,
  );
  return el;
}

const card = (el: VoServiceList, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`li[data-service="${id}"]`)!;
const figure = (el: VoServiceList, id: string, name: string) =>
  card(el, id).querySelector(`[data-figure="${name}"]`)?.textContent!.replace(/\s+/g, ' ').trim();

describe('<vo-service-list>', () => {
  it("shows each service's figures and trend against last year, and passes axe", async () => {
    const fake = api();
    const el = await mounted(fake);
    await until(() => figure(el, 'parkeerkaart', 'trend'));
    await expect(el).to.be.accessible();
    expect(figure(el, 'omgevingsloket', 'responses')).to.equal('10');
    expect(figure(el, 'omgevingsloket', 'csat')).to.equal('80,0%');
    expect(figure(el, 'omgevingsloket', 'csat-interval')).to.equal(
      '95 %-betrouwbaarheidsinterval 49,0% tot 94,0%',
    );
    // Last year's figure as it is compared: its interval, its n, and few answers said in words.
    expect(figure(el, 'omgevingsloket', 'trend')).to.equal(
      '↑ gestegen: +20,0 procentpunt ten opzichte van dezelfde periode vorig jaar ' +
        '(60,0%, 95 %-betrouwbaarheidsinterval 23,0% tot 88,0%, n = 5) weinig antwoorden ' +
        el.context.t.trendUncertain,
    );
    // Ten answers this year: not few at MIN_PUBLIC_N 10.
    expect(card(el, 'omgevingsloket').querySelectorAll('[data-few]').length).to.equal(1);
    expect(card(el, 'parkeerkaart').querySelector('.tag')!.textContent).to.equal('niet actief');
    const link = card(el, 'omgevingsloket').querySelector('h2 a')!;
    expect(link.getAttribute('href')).to.equal('#/services/omgevingsloket');
    // This year to today, and last year to the same day.
    expect(
      fake.calls.filter((c) => c.args[0] === 'omgevingsloket').map((c) => c.args[1]),
    ).to.deep.equal([
      { from: '2026-01-01', to: '2026-06-15' },
      { from: '2025-01-01', to: '2025-06-15' },
    ]);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
  });

  it("keeps one service's failure to that service", async () => {
    const el = await mounted(api('parkeerkaart'));
    await until(() => card(el, 'parkeerkaart').querySelector('.error'));
    expect(card(el, 'parkeerkaart').querySelector('.error')!.textContent).to.contain(
      'Cijfers niet beschikbaar.',
    );
    await until(() => figure(el, 'omgevingsloket', 'csat'));
    expect(figure(el, 'omgevingsloket', 'csat')).to.equal('80,0%');
  });

  it('groups the services by organisation name for a steering token', async () => {
    const el = await mounted(api(), 'steering');
    await until(() => figure(el, 'parkeerkaart', 'trend'));
    expect(
      [...el.shadowRoot!.querySelectorAll('section.organisation h2')].map((h) => h.textContent),
    ).to.deep.equal(['Agentschap Wegen', 'Stad Zonnedorp']);
    expect(card(el, 'omgevingsloket').querySelector('h3 a')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("offers a provider its organisation's hand-in, and steering the overview of every organisation", async () => {
    const provider = await mounted(api());
    const handIn = provider.shadowRoot!.querySelector('vo-hand-in')!;
    expect(handIn.years).to.deep.equal([2025, 2026]);
    expect(handIn.getAttribute('organisation-id')).to.equal('org-a');
    const steering = await mounted(api(), 'steering');
    const overview = steering.shadowRoot!.querySelector('vo-hand-in')!;
    expect(overview.hasAttribute('organisation-id')).to.equal(false);
    expect(overview.context.role).to.equal('steering');
  });

  it('aborts the figures of a replaced list', async () => {
    const fake = api();
    const el = await mounted(fake);
    el.services = [SERVICES[0]!];
    await until(() => figure(el, 'omgevingsloket', 'trend'));
    const summaries = fake.calls.filter((call) => call.method === 'summary');
    expect(summaries.length).to.be.greaterThan(2);
    const replaced = summaries.slice(0, -2);
    expect(replaced.every((call) => call.signal?.aborted)).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('li.card').length).to.equal(1);
    // One service: nothing to search or sort.
    expect(el.shadowRoot!.querySelector('#service-search, #service-sort')).to.equal(null);
  });
});

/** Three services of two organisations whose figures order them differently by each key. */
const THREE: ServiceInfo[] = [
  ...SERVICES,
  {
    id: 'afvalkalender',
    name: 'Afvalkalender',
    organisationId: 'org-a',
    organisationName: 'Stad Zonnedorp',
    active: true,
    publicServiceUri: null,
  },
];

/** This year and last: more responses, higher satisfaction, and a rise or a fall, per service. */
const YEARS: Record<string, [Partial<Summary>, Partial<Summary>]> = {
  omgevingsloket: [{}, { responses: 5, csat: 0.6, csatInterval: [0.23, 0.88] }],
  parkeerkaart: [
    { responses: 4, csat: 0.5, csatInterval: [0.15, 0.85] },
    { responses: 8, csat: 0.75, csatInterval: [0.41, 0.93] },
  ],
  afvalkalender: [
    { responses: 30, csat: 0.9, csatInterval: [0.74, 0.97] },
    { responses: 0, csat: null, csatInterval: null },
  ],
};

function threeApi() {
  return new FakeApi({
    summary: (serviceId: string, period: Period) =>
      summary({ serviceId, ...YEARS[serviceId]![period.from === '2026-01-01' ? 0 : 1] }),
  });
}

/** The cards' services in the order shown. */
const order = (el: VoServiceList) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.card')].map((li) => li.dataset.service);
const shownStatus = (el: VoServiceList) =>
  el.shadowRoot!.querySelector('[role="status"][data-shown]')!.textContent!.trim();

describe('<vo-service-list> search and order', () => {
  it('filters services and organisations by name as one types, and says how many are shown', async () => {
    const fake = threeApi();
    const el = await mounted(fake, 'steering', THREE);
    await until(() => figure(el, 'afvalkalender', 'trend'));
    const requests = fake.calls.length;
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input#service-search')!;
    expect(search.labels![0]!.textContent).to.equal('Zoek een dienst of organisatie');
    expect(shownStatus(el)).to.equal('');
    await expect(el).to.be.accessible();

    search.focus();
    // An organisation's name finds its services; part of a word is enough; case does not count.
    await userEvent.keyboard('WEGEN');
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['parkeerkaart']);
    expect(shownStatus(el)).to.equal('1 dienst getoond.');
    await userEvent.clear(search);
    await userEvent.keyboard('zonnedorp');
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['afvalkalender', 'omgevingsloket']);
    expect(shownStatus(el)).to.equal('2 diensten getoond.');
    await userEvent.clear(search);
    await userEvent.keyboard('kaart');
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['parkeerkaart']);
    expect(shownStatus(el)).to.equal('1 dienst getoond.');
    await expect(el).to.be.accessible();

    await userEvent.keyboard('xyz');
    await el.updateComplete;
    expect(order(el)).to.deep.equal([]);
    expect(textOf(el.shadowRoot!.querySelector('[data-none-found]')!)).to.equal(
      el.context.t.servicesNoneFound,
    );
    expect(shownStatus(el)).to.equal('0 diensten getoond.');
    await expect(el).to.be.accessible();
    // Searching asks the collector for nothing: the figures are already there.
    expect(fake.calls.length).to.equal(requests);
    expect(el.shadowRoot!.activeElement).to.equal(search);
  });

  it('orders by name, responses, satisfaction and trend with the keyboard, and announces it', async () => {
    const fake = threeApi();
    const el = await mounted(fake, 'steering', THREE);
    await until(() => figure(el, 'afvalkalender', 'trend'));
    const requests = fake.calls.length;
    const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('select#service-sort')!;
    expect(sort.labels![0]!.textContent).to.equal('Sorteren op');
    // By name: grouped under the organisations' names, each in alphabetical order.
    expect(order(el)).to.deep.equal(['parkeerkaart', 'afvalkalender', 'omgevingsloket']);

    sort.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(sort.value).to.equal('responses');
    expect(order(el)).to.deep.equal(['afvalkalender', 'omgevingsloket', 'parkeerkaart']);
    expect(shownStatus(el)).to.equal(
      'Gesorteerd op: Meeste antwoorden dit jaar. 3 diensten getoond.',
    );
    // One list across organisations: no groups, and each card names its organisation.
    expect(el.shadowRoot!.querySelector('section.organisation')).to.equal(null);
    expect(card(el, 'parkeerkaart').querySelector('.organisation-name')!.textContent).to.equal(
      'Agentschap Wegen',
    );
    expect(card(el, 'parkeerkaart').querySelector('h2 a')).not.to.equal(null);
    await expect(el).to.be.accessible();

    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['parkeerkaart', 'omgevingsloket', 'afvalkalender']);
    // Four answers this year: said beside its satisfaction.
    expect(
      card(el, 'parkeerkaart').querySelector('[data-figure="csat"]')!.parentElement!.textContent,
    ).to.contain('weinig antwoorden');

    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    // The strongest fall first; no comparison (no answers last year) last.
    expect(order(el)).to.deep.equal(['parkeerkaart', 'omgevingsloket', 'afvalkalender']);
    expect(shownStatus(el)).to.equal('Gesorteerd op: Sterkste daling eerst. 3 diensten getoond.');
    expect(el.shadowRoot!.activeElement).to.equal(sort);
    await expect(el).to.be.accessible();
    expect(fake.calls.length).to.equal(requests);
  });

  it('searches within the order chosen', async () => {
    const el = await mounted(threeApi(), 'steering', THREE);
    await until(() => figure(el, 'afvalkalender', 'trend'));
    const sort = el.shadowRoot!.querySelector<HTMLSelectElement>('select#service-sort')!;
    sort.value = 'csat';
    sort.dispatchEvent(new Event('change'));
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input#service-search')!;
    search.focus();
    await userEvent.keyboard('zonnedorp');
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['omgevingsloket', 'afvalkalender']);
  });
});
