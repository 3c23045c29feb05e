import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ApiError } from '../api.ts';
import type { Period } from '../period.ts';
import { context, FakeApi, mount, SERVICES, summary, until } from '../../test/fixtures.ts';
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

async function mounted(fake: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoServiceList>(
    html`<vo-service-list
      .context=${context(fake, { role })}
      .services=${SERVICES}
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
    expect(figure(el, 'omgevingsloket', 'trend')).to.equal(
      '↑ gestegen: +20,0 procentpunt ten opzichte van dezelfde periode vorig jaar (60,0%, n = 5) ' +
        el.context.t.trendUncertain,
    );
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

  it('groups the services by organisation for a steering token', async () => {
    const el = await mounted(api(), 'steering');
    await until(() => figure(el, 'parkeerkaart', 'trend'));
    expect(
      [...el.shadowRoot!.querySelectorAll('section.organisation h2')].map((h) => h.textContent),
    ).to.deep.equal(['Organisatie org-a', 'Organisatie org-b']);
    expect(card(el, 'omgevingsloket').querySelector('h3 a')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('aborts the figures of a replaced list', async () => {
    const fake = api();
    const el = await mounted(fake);
    el.services = [SERVICES[0]!];
    await until(() => figure(el, 'omgevingsloket', 'trend'));
    expect(fake.calls.length).to.be.greaterThan(2);
    const replaced = fake.calls.slice(0, -2);
    expect(replaced.every((call) => call.signal?.aborted)).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('li.card').length).to.equal(1);
  });
});
