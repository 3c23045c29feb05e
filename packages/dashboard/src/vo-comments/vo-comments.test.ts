import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError, type Query } from '../api.ts';
import {
  comment,
  context,
  FakeApi,
  feedbackPage,
  mount,
  PERIOD,
  textOf,
  until,
} from '../../test/fixtures.ts';
import type { VoComments } from './vo-comments.ts';

async function mounted(api: FakeApi) {
  return mount<VoComments>(
    html`<vo-comments
      .context=${context(api)}
      service-id="omgevingsloket"
      .period=${PERIOD}
    ></vo-comments>`,
    'vo-role-discovered',
  );
}

const items = (el: VoComments) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.comment')];
const status = (el: VoComments) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<vo-comments>', () => {
  it('lists the comments newest first with their rating in words, and passes axe', async () => {
    const api = new FakeApi({
      feedback: () =>
        feedbackPage([
          comment('Het formulier was te lang.', { rating: 2, step: 'stap-2' }),
          comment('Vlot gegaan!', { rating: 5, outcome: null }),
        ]),
    });
    const { el } = await mounted(api);
    await until(() => items(el).length === 2);
    await expect(el).to.be.accessible();
    expect(items(el).map((li) => li.querySelector('.text')!.textContent)).to.deep.equal([
      'Het formulier was te lang.',
      'Vlot gegaan!',
    ]);
    expect(textOf(items(el)[0]!)).to.contain('2 – Ontevreden');
    expect(textOf(items(el)[0]!)).to.contain('Stap: stap-2');
    expect(textOf(items(el)[1]!)).to.contain('Uitkomst: Niet opgegeven');
    expect(status(el)).to.equal('2 opmerkingen getoond, nieuwste eerst.');
    expect(textOf(el)).to.contain('Alle opmerkingen zijn getoond.');
  });

  it('keeps markup in a comment as plain text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">klik</a>';
    const { el } = await mounted(new FakeApi({ feedback: () => feedbackPage([comment(hostile)]) }));
    const text = await until(() => el.shadowRoot!.querySelector('li.comment .text'));
    expect(text.textContent).to.equal(hostile);
    expect(text.querySelector('img, a')).to.equal(null);
  });

  it('loads more with the cursor and moves focus to the first new comment', async () => {
    const queries: Query[] = [];
    const api = new FakeApi({
      feedback: (_id, query) => {
        queries.push(query);
        return query.cursor
          ? feedbackPage([comment('Derde'), comment('Vierde')])
          : feedbackPage([comment('Eerste'), comment('Tweede')], 'volgende');
      },
    });
    const { el } = await mounted(api);
    const more = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.more'));
    more.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => items(el).length === 4);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(items(el)[2]);
    expect(status(el)).to.equal('2 opmerkingen bijgeladen. 4 opmerkingen getoond, nieuwste eerst.');
    expect(queries.map((q) => q.cursor)).to.deep.equal([undefined, 'volgende']);
    expect(el.shadowRoot!.querySelector('button.more')).to.equal(null);
  });

  it('filters on rating through the API and on text here, from the form', async () => {
    const queries: Query[] = [];
    const api = new FakeApi({
      feedback: (_id, query) => {
        queries.push(query);
        return feedbackPage([comment('Formulier te lang!'), comment('De lange wachttijd')]);
      },
    });
    const { el } = await mounted(api);
    await until(() => items(el).length === 2);
    const root = el.shadowRoot!;
    root.querySelector<HTMLSelectElement>('#filter-rating')!.value = '2';
    root.querySelector<HTMLInputElement>('#filter-text')!.value = ' te lang ';
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => items(el).length === 1);
    expect(items(el)[0]!.querySelector('.text')!.textContent).to.equal('Formulier te lang!');
    expect(queries[1]).to.include({ rating: '2', limit: 200 });
    expect(el.filter).to.deep.equal({
      rating: '2',
      outcome: '',
      text: 'te lang',
      status: '',
      tag: '',
    });
    await expect(el).to.be.accessible();
  });

  it('says so when there are no comments', async () => {
    const { el } = await mounted(new FakeApi({ feedback: () => feedbackPage([]) }));
    await until(() => el.shadowRoot!.querySelector('.is-empty'));
    expect(status(el)).to.equal('Geen opmerkingen voor deze periode en deze filter.');
  });

  it('turns a refusal into a steering role, not an error', async () => {
    const { el, events } = await mounted(
      new FakeApi({
        feedback: () => {
          throw new ApiError('forbidden', 403, 'Forbidden');
        },
      }),
    );
    await until(() => events.length > 0);
    expect(events.map((event) => event.detail)).to.deep.equal([{ role: 'steering' }]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.is-error')).to.equal(null);
    expect(status(el)).to.equal('');
  });

  it('explains a failure and retries', async () => {
    let attempt = 0;
    const { el } = await mounted(
      new FakeApi({
        feedback: () => {
          attempt += 1;
          if (attempt === 1) throw new ApiError('network', 0, 'Failed to fetch');
          return feedbackPage([comment('Eindelijk')]);
        },
      }),
    );
    const retry = await until(() =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('.is-error button'),
    );
    expect(textOf(el)).to.contain(el.context.t.networkError);
    retry.click();
    await until(() => items(el).length === 1);
  });
});
