import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ApiError } from '../api.ts';
import { Formats } from '../format.ts';
import { catalogs } from '../i18n/catalogs.ts';
import {
  context,
  deferred,
  FakeApi,
  feedbackPage,
  mount,
  PERIOD,
  qrSvg,
  serviceConfig,
  SERVICES,
  summary,
  tableRows,
  textOf,
  themes,
  until,
} from '../../test/fixtures.ts';
import type { VoBarChart } from '../vo-bar-chart/vo-bar-chart.ts';
import type { VoServiceReport } from './vo-service-report.ts';

const SERVICE = SERVICES[0]!;

async function mounted(
  fake: FakeApi,
  role: 'provider' | 'steering' = 'provider',
  language: 'nl' | 'fr' | 'en' = 'nl',
) {
  const { el } = await mount<VoServiceReport>(
    html`<vo-service-report
      .context=${context(fake, { role, language })}
      .service=${SERVICE}
      .period=${PERIOD}
    ></vo-service-report>`,
  );
  return el;
}

const figure = (el: VoServiceReport, name: string) =>
  el.shadowRoot!.querySelector(`[data-figure="${name}"]`)?.textContent!.trim();

/** The rows of one of the report's bar charts' tables. */
const chartRows = (el: VoServiceReport, name: string) =>
  tableRows(el.shadowRoot!.querySelector(`vo-bar-chart[data-chart="${name}"]`)!);

const headings = (el: VoServiceReport) =>
  [...el.shadowRoot!.querySelectorAll('h2')].map((h2) => h2.textContent!.trim());

async function ready(el: VoServiceReport) {
  await until(() => el.state === 'ready');
  await el.updateComplete;
}

describe('<vo-service-report>', () => {
  it('shows the key figures, the charts, themes and comments of a period', async () => {
    const fake = new FakeApi({
      summary: () => summary(),
      serviceConfig: () => serviceConfig(),
      themes: () => themes(),
      feedback: () => feedbackPage([]),
      qrCode: (_id, channel) => qrSvg(channel),
    });
    const el = await mounted(fake);
    await until(() => el.state === 'ready');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(figure(el, 'responses')).to.equal('10');
    expect(figure(el, 'csat')).to.equal('80,0%');
    expect(figure(el, 'response-rate')).to.equal('5,0%');
    expect(el.shadowRoot!.querySelector('.period-status')!.textContent!.trim()).to.equal(
      'Cijfers van 1 januari 2026 tot en met 15 juni 2026.',
    );
    expect(el.shadowRoot!.querySelectorAll('vo-bar-chart').length).to.equal(4);
    expect(el.shadowRoot!.querySelector('vo-themes')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('vo-comments')).not.to.equal(null);
    const qr = el.shadowRoot!.querySelector('vo-qr-code')!;
    await until(() => qr.shadowRoot!.querySelector('img'));
    expect(textOf(qr)).to.contain('QR-code en affiche');
    await expect(el).to.be.accessible();
  });

  it('shows the responses per channel, named in the dashboard’s language, with csat and interval', async () => {
    const el = await mounted(
      new FakeApi({ summary: () => summary(), serviceConfig: () => serviceConfig() }),
      'steering',
    );
    await ready(el);
    expect(headings(el)).to.include('Kanalen');
    // Shares of the ten responses; csat and its interval as in the key figures.
    expect(chartRows(el, 'channels')).to.deep.equal([
      ['Website', '6', '60,0%', '83,3%', '44,0% – 97,0%'],
      ['Telefoon', '1', '10,0%', '0,0%', '0,0% – 79,0%'],
      ['Loket', '3', '30,0%', '100,0%', '44,0% – 100,0%'],
    ]);
    el.context = { ...el.context, language: 'fr', t: catalogs.fr, f: new Formats('fr') };
    await el.updateComplete;
    await el.shadowRoot!.querySelector<VoBarChart>('vo-bar-chart[data-chart="channels"]')!
      .updateComplete;
    expect(chartRows(el, 'channels').map((row) => row[0])).to.deep.equal([
      'Site web',
      'Téléphone',
      'Guichet',
    ]);
  });

  it('shows each reason by its label with its share of the answers rated 1–3, not of the ticks', async () => {
    const fake = new FakeApi({ summary: () => summary(), serviceConfig: () => serviceConfig() });
    const el = await mounted(fake);
    await ready(el);
    expect(headings(el)).to.include('Wat liep er mis?');
    const section = el.shadowRoot!.querySelector('section[aria-labelledby="reasons-heading"]')!;
    expect(section.querySelector('p')!.textContent).to.contain('die 2 antwoorden');
    // Two answers rated 1–3: "too slow" ticked by both (100 %), "unclear" by one of them (50 %).
    expect(chartRows(el, 'reasons')).to.deep.equal([
      ['Het duurde te lang', '2', '100,0%'],
      ['De informatie was niet duidelijk', '1', '50,0%'],
    ]);
    expect(fake.calls.find((c) => c.method === 'serviceConfig')!.args).to.deep.equal([SERVICE.id]);
    await expect(el).to.be.accessible();
  });

  it('labels reasons in English, and a reason the service no longer lists by its code', async () => {
    const [tooSlow] = serviceConfig().reasons.filter((reason) => reason.code === 'too-slow');
    const el = await mounted(
      new FakeApi({
        summary: () => summary(),
        serviceConfig: () => serviceConfig({ reasons: [tooSlow!] }),
      }),
      'provider',
      'en',
    );
    await ready(el);
    expect(chartRows(el, 'reasons').map((row) => row[0])).to.deep.equal([
      'It took too long',
      'unclear-information',
    ]);
  });

  it('keeps the reasons’ codes when the service’s configuration cannot be read', async () => {
    const el = await mounted(
      new FakeApi({
        summary: () => summary(),
        serviceConfig: () => {
          throw new ApiError('server', 502, 'Bad Gateway');
        },
      }),
      'steering',
    );
    await ready(el);
    expect(chartRows(el, 'reasons').map((row) => row[0])).to.deep.equal([
      'too-slow',
      'unclear-information',
    ]);
  });

  it('says in words that no reason was ticked, and why there can be none', async () => {
    const fake = new FakeApi({ summary: () => summary({ byReason: [] }) });
    const el = await mounted(fake, 'steering');
    await ready(el);
    const none = () => el.shadowRoot!.querySelector('[data-empty="reasons"]');
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="reasons"]')).to.equal(null);
    expect(none()!.textContent!.trim()).to.equal('Niemand duidde in deze periode een reden aan.');
    // No reason to label: the configuration is not asked for.
    expect(fake.calls.map((c) => c.method)).to.deep.equal(['summary']);
    await expect(el).to.be.accessible();

    const happy = new FakeApi({
      summary: () =>
        summary({
          ratings: { '1': 0, '2': 0, '3': 0, '4': 3, '5': 7 },
          byReason: [],
        }),
    });
    const other = await mounted(happy, 'steering');
    await ready(other);
    expect(other.shadowRoot!.querySelector('[data-empty="reasons"]')!.textContent!.trim()).to.equal(
      other.context.t.reasonsNoLow,
    );
  });

  it('never shows themes, comments or the QR code to a steering token', async () => {
    const fake = new FakeApi({ summary: () => summary(), serviceConfig: () => serviceConfig() });
    const el = await mounted(fake, 'steering');
    await ready(el);
    expect(el.shadowRoot!.querySelector('vo-themes, vo-comments, vo-qr-code')).to.equal(null);
    expect(headings(el)).not.to.include('QR-code en affiche');
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="channels"]')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="reasons"]')).not.to.equal(null);
    expect(fake.calls.map((c) => c.method)).to.deep.equal(['summary', 'serviceConfig']);
    await expect(el).to.be.accessible();
  });

  it('says in words that a period has no feedback', async () => {
    const el = await mounted(
      new FakeApi({
        summary: () =>
          summary({
            responses: 0,
            ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
            mean: null,
            csat: null,
            csatInterval: null,
            comments: 0,
            byMonth: [],
            byOutcome: {},
          }),
      }),
    );
    await until(() => el.state === 'empty');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-empty]')!.textContent).to.contain(
      el.context.t.empty,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the latest period only, and an error with a retry', async () => {
    const late = deferred<ReturnType<typeof summary>>();
    let failures = 1;
    const fake = new FakeApi({
      summary: (_id, period) => {
        if (period.from === PERIOD.from) return late.promise;
        if (failures-- > 0) throw new ApiError('server', 502, 'Bad Gateway');
        return summary({ from: period.from, to: period.to, responses: 3 });
      },
    });
    const el = await mounted(fake);
    el.period = { from: '2025-01-01', to: '2025-12-31' };
    await until(() => el.state === 'error');
    late.resolve(summary());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(el.state).to.equal('error');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;
    expect(retry.textContent!.trim()).to.equal('Opnieuw proberen');
    retry.click();
    await until(() => el.state === 'ready');
    await el.updateComplete;
    expect(figure(el, 'responses')).to.equal('3');
  });
});
