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
    expect(api.calls.map((c) => c.args)).to.deep.equal([['omgevingsloket', PERIOD]]);
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
          : themes({ words: [{ term: 'nieuw', count: 2 }], pairs: [] }),
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
