import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError } from '../api.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  PERIOD,
  textOf,
  theme,
  themes,
  until,
} from '../../test/fixtures.ts';
import type { VoThemes } from './vo-themes.ts';

/** The element, and the roles it reported (`vo-role-discovered`). */
async function mounted(api: FakeApi, role: 'provider' | 'steering' = 'provider') {
  return mount<VoThemes>(
    html`<vo-themes
      .context=${context(api, { role })}
      service-id="omgevingsloket"
      .period=${PERIOD}
    ></vo-themes>`,
    'vo-role-discovered',
  );
}

async function render(api: FakeApi, role: 'provider' | 'steering' = 'provider') {
  return (await mounted(api, role)).el;
}

const buttons = (el: VoThemes) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];

describe('<vo-themes>', () => {
  it('lists word pairs before words, each a button with its count, and passes axe', async () => {
    const api = new FakeApi({ themes: () => themes() });
    const el = await render(api);
    await until(() => el.shadowRoot!.querySelector('button.theme'));
    await expect(el).to.be.accessible();
    expect(buttons(el).map((b) => textOf(b))).to.deep.equal([
      'te lang 4 opmerkingen',
      'formulier 5 opmerkingen',
      'traag 3 opmerkingen',
    ]);
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal([
      'Woordparen',
      'Woorden',
    ]);
    expect(api.calls.map((c) => c.args)).to.deep.equal([['omgevingsloket', PERIOD, 'count']]);
  });

  it('says per theme, in text, its share rated 1–2, its change and the forms counted together', async () => {
    const el = await render(new FakeApi({ themes: () => themes() }));
    await until(() => el.shadowRoot!.querySelector('button.theme'));
    const details = (term: string) => {
      const button = el.shadowRoot!.querySelector(`button[data-term="${term}"]`)!;
      const id = button.getAttribute('aria-describedby')!;
      return textOf(el.shadowRoot!.getElementById(id)!);
    };
    expect(details('te lang')).to.equal(
      '50,0% laag beoordeeld weinig antwoorden -1 t.o.v. vorige periode',
    );
    expect(details('formulier')).to.equal(
      '20,0% laag beoordeeld weinig antwoorden +2 t.o.v. vorige periode ' +
        'Samengeteld: formulier, formulieren',
    );
    // All three of its comments are new: the previous period, with comments, had none with it.
    expect(details('traag')).to.equal(
      '100,0% laag beoordeeld weinig antwoorden nieuw t.o.v. vorige periode',
    );
    expect(textOf(el.shadowRoot!.querySelector('[data-previous]')!)).to.contain(
      '(17 juli 2025 tot en met 31 december 2025, 8 opmerkingen)',
    );
  });

  it('says "weinig antwoorden" only below the minimum, and "geen vergelijking" without a previous period', async () => {
    const el = await render(
      new FakeApi({
        themes: () =>
          themes({
            previous: { from: '2025-07-17', to: '2025-12-31', comments: 0 },
            words: [theme('wachttijd', 12, { lowShare: 0.25, change: null })],
            pairs: [],
          }),
      }),
    );
    const item = await until(() => el.shadowRoot!.querySelector('li.theme-item'));
    expect(item.querySelector('[data-few]')).to.equal(null);
    expect(textOf(item.querySelector('[data-figure="low-share"]')!)).to.equal(
      '25,0% laag beoordeeld',
    );
    expect(textOf(item.querySelector('[data-figure="change"]')!)).to.equal(
      '— geen vergelijking: de vorige periode heeft geen opmerkingen',
    );
    expect(item.querySelector('[data-figure="forms"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks the collector for another order with the keyboard, and announces it', async () => {
    const byLowShare = themes({
      words: [
        theme('traag', 3, { lowShare: 1, change: 3 }),
        theme('formulier', 5, { lowShare: 0.2, change: 2 }),
      ],
    });
    const answer = deferred<ReturnType<typeof themes>>();
    const api = new FakeApi({
      themes: (_id, _period, sort) => (sort === 'lowShare' ? answer.promise : themes()),
    });
    const el = await render(api);
    await until(() => el.shadowRoot!.querySelector('button.theme'));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select#theme-sort')!;
    expect(select.labels![0]!.textContent).to.equal('Thema’s sorteren op');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['count', 'lowShare', 'change']);
    select.focus();
    await userEvent.keyboard('{ArrowDown}');
    await until(() => api.calls.length === 2);
    expect(api.calls[1]!.args).to.deep.equal(['omgevingsloket', PERIOD, 'lowShare']);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    // The old order stays on screen while the new one loads: nothing jumps under the control.
    await el.updateComplete;
    expect(status.textContent!.trim()).to.equal(el.context.t.loadingThemes);
    expect(buttons(el).length).to.equal(3);
    answer.resolve(byLowShare);
    await until(() => status.textContent!.includes('gesorteerd'));
    expect(status.textContent!.trim()).to.equal(
      'Thema’s gesorteerd op: Hoogste aandeel laag beoordeeld (1 of 2).',
    );
    expect(
      [...el.shadowRoot!.querySelectorAll('[data-kind="words"] button')].map(
        (b) => (b as HTMLElement).dataset.term,
      ),
    ).to.deep.equal(['traag', 'formulier']);
    expect(el.shadowRoot!.activeElement).to.equal(select);
    expect(select.value).to.equal('lowShare');
    await expect(el).to.be.accessible();
    // The order holds for a new period.
    el.period = { from: '2025-01-01', to: '2025-12-31' };
    await until(() => api.calls.length === 3);
    expect(api.calls[2]!.args[2]).to.equal('lowShare');
  });

  it('announces loading, then says so when there are no themes', async () => {
    const answer = deferred<ReturnType<typeof themes>>();
    const el = await render(new FakeApi({ themes: () => answer.promise }));
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      el.context.t.loadingThemes,
    );
    answer.resolve(themes({ words: [], pairs: [] }));
    await until(() => el.shadowRoot!.querySelector('.is-empty'));
    expect(textOf(el)).to.contain(el.context.t.themesEmpty);
    await expect(el).to.be.accessible();
  });

  it('opens the comments of a theme chosen with the keyboard', async () => {
    const el = await render(new FakeApi({ themes: () => themes() }));
    const pair = await until(() =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-term="te lang"]'),
    );
    const chosen: string[] = [];
    el.addEventListener('vo-theme-select', (event) => chosen.push(event.detail.term));
    pair.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(chosen).to.deep.equal(['te lang', 'te lang']);
  });

  it('shows a failure with a retry that loads again', async () => {
    let attempt = 0;
    const api = new FakeApi({
      themes: () => {
        attempt += 1;
        if (attempt === 1) throw new ApiError('server', 503, 'Service Unavailable');
        return themes();
      },
    });
    const el = await render(api);
    const retry = await until(() =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('.is-error button'),
    );
    expect(textOf(el)).to.contain(el.context.t.serverError);
    await expect(el).to.be.accessible();
    retry.click();
    await until(() => el.shadowRoot!.querySelector('button.theme'));
    expect(el.shadowRoot!.querySelector('.is-error')).to.equal(null);
  });

  it('tells the dashboard a refused token is a steering token, and shows no error', async () => {
    const { el, events } = await mounted(
      new FakeApi({
        themes: () => {
          throw new ApiError('forbidden', 403, 'Forbidden');
        },
      }),
    );
    await until(() => events.length > 0);
    expect(events.map((event) => event.detail)).to.deep.equal([{ role: 'steering' }]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.is-error')).to.equal(null);
  });

  it('never asks for themes with a steering token', async () => {
    const api = new FakeApi({ themes: () => themes() });
    await render(api, 'steering');
    expect(api.calls).to.deep.equal([]);
  });

  it('shows only the latest period when an earlier answer comes late', async () => {
    const first = deferred<ReturnType<typeof themes>>();
    const api = new FakeApi({
      themes: (_id, period) =>
        period.from === PERIOD.from
          ? first.promise
          : themes({ words: [theme('nieuw', 2)], pairs: [] }),
    });
    const el = await render(api);
    el.period = { from: '2025-01-01', to: '2025-12-31' };
    await until(() => el.shadowRoot!.querySelector('[data-term="nieuw"]'));
    expect(api.calls[0]!.signal!.aborted).to.equal(true);
    first.resolve(themes());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(buttons(el).map((b) => b.dataset.term)).to.deep.equal(['nieuw']);
  });
});
