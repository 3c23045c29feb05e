import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ApiError } from '../api.ts';
import {
  context,
  deferred,
  FakeApi,
  feedbackPage,
  mount,
  PERIOD,
  SERVICES,
  summary,
  themes,
  until,
} from '../../test/fixtures.ts';
import type { VoServiceReport } from './vo-service-report.ts';

const SERVICE = SERVICES[0]!;

async function mounted(fake: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoServiceReport>(
    html`<vo-service-report
      .context=${context(fake, { role })}
      .service=${SERVICE}
      .period=${PERIOD}
    ></vo-service-report>`,
  );
  return el;
}

const figure = (el: VoServiceReport, name: string) =>
  el.shadowRoot!.querySelector(`[data-figure="${name}"]`)?.textContent!.trim();

describe('<vo-service-report>', () => {
  it('shows the key figures, the charts, themes and comments of a period', async () => {
    const fake = new FakeApi({
      summary: () => summary(),
      themes: () => themes(),
      feedback: () => feedbackPage([]),
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
    expect(el.shadowRoot!.querySelectorAll('vo-bar-chart').length).to.equal(2);
    expect(el.shadowRoot!.querySelector('vo-themes')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('vo-comments')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('never shows themes or comments to a steering token', async () => {
    const fake = new FakeApi({ summary: () => summary() });
    const el = await mounted(fake, 'steering');
    await until(() => el.state === 'ready');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('vo-themes, vo-comments')).to.equal(null);
    expect(fake.calls.map((c) => c.method)).to.deep.equal(['summary']);
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
