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
import { explanation } from '../../test/acting.ts';
import { alert, alertList } from '../../test/alerts.ts';
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

/** The report's own requests, in order (the alert notice's aside). */
const methods = (fake: FakeApi) =>
  fake.calls.map((c) => c.method).filter((method) => method !== 'alerts');

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
    // Ratings, outcomes, channels, languages, steps and reasons.
    expect(el.shadowRoot!.querySelectorAll('vo-bar-chart').length).to.equal(6);
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
    // Shares of the ten responses; csat and its interval as in the key figures, each counted on
    // fewer than MIN_PUBLIC_N (10) answers.
    expect(chartRows(el, 'channels')).to.deep.equal([
      ['Website', '6', '60,0%', '83,3% weinig antwoorden', '44,0% – 97,0%'],
      ['Telefoon', '1', '10,0%', '0,0% weinig antwoorden', '0,0% – 79,0%'],
      ['Loket', '3', '30,0%', '100,0% weinig antwoorden', '44,0% – 100,0%'],
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

  it('shows the responses per language and per step, with "weinig antwoorden" under the minimum', async () => {
    const el = await mounted(
      new FakeApi({ summary: () => summary(), serviceConfig: () => serviceConfig() }),
      'steering',
    );
    await ready(el);
    expect(headings(el)).to.include.members(['Per taal', 'Per stap']);
    expect(chartRows(el, 'languages')).to.deep.equal([
      ['Nederlands', '8', '80,0%', '87,5% weinig antwoorden', '53,0% – 98,0%'],
      ['Frans', '2', '20,0%', '50,0% weinig antwoorden', '9,0% – 91,0%'],
    ]);
    // In journey order; "not completed" is a share of the answers with an outcome.
    expect(chartRows(el, 'steps')).to.deep.equal([
      [
        'formulier',
        '6',
        '60,0%',
        '83,3% weinig antwoorden',
        '44,0% – 97,0%',
        '0,0% weinig antwoorden',
      ],
      [
        'betaling',
        '4',
        '40,0%',
        '75,0% weinig antwoorden',
        '30,0% – 95,0%',
        '75,0% weinig antwoorden',
      ],
    ]);
    await expect(el).to.be.accessible();
  });

  it('says "weinig antwoorden" beside the key figures below MIN_PUBLIC_N only', async () => {
    const keyFigures = (el: VoServiceReport) =>
      el.shadowRoot!.querySelector('section[aria-labelledby="key-figures"]')!;
    const dd = (el: VoServiceReport, name: string) =>
      textOf(keyFigures(el).querySelector(`[data-figure="${name}"]`)!.closest('dd')!);
    // "Tevredenheid 100,0 %" for two answers: never again without a warning.
    const two = summary({
      responses: 2,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 2 },
      mean: 5,
      csat: 1,
      csatInterval: [0.34, 1],
      byReason: [],
    });
    const few = await mounted(new FakeApi({ summary: () => two }), 'steering');
    await ready(few);
    expect(dd(few, 'csat')).to.equal(
      '100,0% weinig antwoorden 95 %-betrouwbaarheidsinterval 34,0% tot 100,0%',
    );
    expect(dd(few, 'mean')).to.equal('5,00 weinig antwoorden');
    expect(dd(few, 'responses')).to.equal('2');
    expect(keyFigures(few).querySelector('[data-few-intro]')!.textContent).to.contain(
      'Bij minder dan 10 antwoorden',
    );
    await expect(few).to.be.accessible();

    // Ten answers are enough at the default minimum of 10; the channels on 1 and 3 are not.
    const enough = await mounted(
      new FakeApi({ summary: () => summary({ byReason: [] }) }),
      'steering',
    );
    await ready(enough);
    expect(keyFigures(enough).querySelectorAll('[data-few], [data-few-intro]').length).to.equal(0);
    expect(dd(enough, 'csat')).to.equal('80,0% 95 %-betrouwbaarheidsinterval 49,0% tot 94,0%');
    // With a minimum of 5 from /me, the channel counted on 6 answers is no longer few.
    enough.context = { ...enough.context, minimumN: 5 };
    await enough.updateComplete;
    const channels = enough.shadowRoot!.querySelector<VoBarChart>(
      'vo-bar-chart[data-chart="channels"]',
    )!;
    await channels.updateComplete;
    expect(chartRows(enough, 'channels').map((row) => row[3])).to.deep.equal([
      '83,3%',
      '0,0% weinig antwoorden',
      '100,0% weinig antwoorden',
    ]);
  });

  it('says in words that the pages gave no step', async () => {
    const el = await mounted(
      new FakeApi({ summary: () => summary({ byStep: [], byReason: [] }) }),
      'steering',
    );
    await ready(el);
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="steps"]')).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('[data-empty="steps"]')!)).to.equal(
      el.context.t.stepsNone,
    );
    await expect(el).to.be.accessible();
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
    // (The alert notice asks for its own alerts.)
    expect(methods(fake)).to.deep.equal(['summary']);
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

  it('opens with the alert notice when the service had an alert in the last 7 days', async () => {
    const fake = new FakeApi({
      summary: () => summary(),
      serviceConfig: () => serviceConfig(),
      alerts: () => alertList([alert()]),
    });
    const el = await mounted(fake, 'steering');
    await ready(el);
    const notice = el.shadowRoot!.querySelector('vo-alert-notice')!;
    await until(() => notice.getAttribute('state') === 'shown');
    // Right under the service's name, before the period and its figures.
    expect(notice.previousElementSibling!.matches('h1, .hint')).to.equal(true);
    expect(textOf(notice)).to.contain('De tevredenheid is duidelijk gedaald');
    expect(fake.calls.find((c) => c.method === 'alerts')!.args[0]).to.deep.include({
      serviceId: SERVICE.id,
    });
    await expect(el).to.be.accessible();
  });

  it('never shows themes, comments or the QR code to a steering token', async () => {
    const fake = new FakeApi({ summary: () => summary(), serviceConfig: () => serviceConfig() });
    const el = await mounted(fake, 'steering');
    await ready(el);
    expect(
      el.shadowRoot!.querySelector(
        'vo-themes, vo-comments, vo-qr-code, vo-explanation, vo-actions',
      ),
    ).to.equal(null);
    expect(headings(el)).not.to.include('QR-code en affiche');
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="channels"]')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('vo-bar-chart[data-chart="reasons"]')).not.to.equal(null);
    expect(methods(fake)).to.deep.equal(['summary', 'serviceConfig']);
    await expect(el).to.be.accessible();
  });

  it("puts the provider's explanation of the year right after the key figures, and the actions", async () => {
    const none = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    const fake = new FakeApi({
      summary: (_id, period) =>
        period.from === PERIOD.from
          ? summary()
          : summary({ ...period, responses: 0, ratings: none, comments: 0, byReason: [] }),
      serviceConfig: () => serviceConfig(),
      explanation: (scope, subjectId, year) => explanation({ scope, subjectId, year }),
      actions: () => ({ serviceId: SERVICE.id, actions: [] }),
    });
    const el = await mounted(fake);
    await ready(el);
    const explained = el.shadowRoot!.querySelector('vo-explanation')!;
    const keyFigures = el.shadowRoot!.querySelector('section[aria-labelledby="key-figures"]')!;
    expect(keyFigures.parentElement!.nextElementSibling!.contains(explained)).to.equal(true);
    expect(explained.getAttribute('scope')).to.equal('service');
    expect(explained.getAttribute('year')).to.equal('2026');
    await until(() => explained.shadowRoot!.querySelector('textarea'));
    const actions = el.shadowRoot!.querySelector('vo-actions')!;
    await until(() => actions.shadowRoot!.querySelector('form'));
    await expect(el).to.be.accessible();
    // The same explanation element when the period has no feedback: nothing typed is lost.
    el.period = { from: '2026-06-01', to: '2026-06-15' };
    await until(() => el.state === 'empty');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-empty]')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('vo-explanation')).to.equal(explained);
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
