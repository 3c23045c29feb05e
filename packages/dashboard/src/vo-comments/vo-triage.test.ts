// The triage in <vo-comments>: status, tags and note shown; the status and tag filters; selecting
// several comments and changing them from the action bar; the note, removing text and erasing an
// answer under one comment — by mouse and by keyboard, through axe in every state.
import { expect, html } from '@open-wc/testing';
import type { FeedbackItem, TriageChange } from '@vo-feedback/shared';
import { afterEach, describe, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ApiError, type Query } from '../api.ts';
import {
  comment,
  context,
  FakeApi,
  feedbackPage,
  mount,
  PERIOD,
  tagSuggestions,
  textOf,
  themes,
  until,
  type Answers,
} from '../../test/fixtures.ts';
import type { VoComments } from './vo-comments.ts';

/** A fake collector that keeps `list` and changes it as the triage routes would. */
function collector(list: FeedbackItem[], answers: Partial<Answers> = {}) {
  const find = (id: string) => list.find((item) => item.id === id)!;
  return new FakeApi({
    feedback: () => feedbackPage(list),
    tags: () => tagSuggestions(),
    themes: () => themes(),
    triage: (_serviceId, id, change: TriageChange) => Object.assign(find(id), change),
    redact: (_serviceId, id, text) =>
      Object.assign(find(id), { comment: find(id).comment.replaceAll(text, '[verwijderd]') }),
    erase: () => undefined,
    ...answers,
  });
}

async function mounted(api: FakeApi) {
  const { el, events } = await mount<VoComments>(
    html`<vo-comments
      .context=${context(api)}
      service-id="omgevingsloket"
      .period=${PERIOD}
    ></vo-comments>`,
    'vo-feedback-erased',
  );
  await until(() => items(el).length > 0);
  return { el, events };
}

const items = (el: VoComments) => [
  ...el.shadowRoot!.querySelectorAll<HTMLLIElement>('ol.comments > li.comment'),
];
const $ = <T extends Element>(el: Element, selector: string) => {
  const found = (el.shadowRoot ?? el).querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}.`);
  return found;
};
const status = (el: VoComments) =>
  $(el, '[role="status"]').textContent!.replace(/\s+/g, ' ').trim();
const pick = (li: HTMLElement) => $<HTMLInputElement>(li, '.pick input[type="checkbox"]');
const action = (el: VoComments, name: string) =>
  $<HTMLButtonElement>(el, `form[data-action="${name}"] button[type="submit"]`);
const tool = (li: HTMLElement, name: string) =>
  $<HTMLButtonElement>(li, `button[data-tool="${name}"]`);
const patches = (api: FakeApi) =>
  api.calls.filter((call) => call.method === 'triage').map((call) => call.args);
/** The element that has focus inside the component. */
const focused = (el: VoComments) => el.shadowRoot!.activeElement;

afterEach(async () => {
  await page.viewport(414, 896);
});

describe('<vo-comments> triage', () => {
  it('shows each comment’s status in words, its tags and its internal note, and passes axe', async () => {
    const { el } = await mounted(
      collector([
        comment('Het formulier was te lang.', {
          status: 'in-progress',
          tags: ['formulier', 'wachttijd'],
          note: 'Teruggebeld op 3 maart.\nVolgt op.',
        }),
        comment('Vlot gegaan!', { rating: 5 }),
      ]),
    );
    await expect(el).to.be.accessible();
    const [first, second] = items(el);
    expect(textOf(first!)).to.contain('Status: In behandeling');
    expect(textOf(second!)).to.contain('Status: Nieuw');
    expect([...first!.querySelectorAll('.tags li')].map((li) => li.textContent)).to.deep.equal([
      'formulier',
      'wachttijd',
    ]);
    const note = $(first!, '[data-note]');
    expect($(note, '.note-label').textContent).to.equal('Interne notitie');
    expect($(note, '.note-text').textContent).to.equal('Teruggebeld op 3 maart.\nVolgt op.');
    expect(second!.querySelector('[data-note], .tags')).to.equal(null);
    // Every control names the comment it acts on: its date and its first words.
    expect(pick(first!).labels![0]!.textContent!.replace(/\s+/g, ' ')).to.match(
      /^Selecteren \(de opmerking van .*2026.*: „Het formulier was te lang\.”\)$/,
    );
    expect(tool(first!, 'erase').textContent!.replace(/\s+/g, ' ').trim()).to.match(
      /^Verwijderen \(de opmerking van .*„Het formulier was te lang\.”\)$/,
    );
  });

  it('filters on status and tag through the API, with the organisation’s tags to choose from', async () => {
    const queries: Query[] = [];
    const api = collector([comment('Eerste', { tags: ['formulier'] })], {
      feedback: (_id, query) => {
        queries.push(query);
        return feedbackPage([comment('Eerste', { tags: ['formulier'], status: 'done' })]);
      },
    });
    const { el } = await mounted(api);
    const tag = $<HTMLSelectElement>(el, '#filter-tag');
    await until(() => tag.options.length === 3);
    expect([...tag.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Alle tags',
      'formulier',
      'wachttijd',
    ]);
    const statusFilter = $<HTMLSelectElement>(el, '#filter-status');
    expect([...statusFilter.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Alle statussen',
      'Nieuw',
      'Gelezen',
      'In behandeling',
      'Afgehandeld',
      'Gearchiveerd',
    ]);
    statusFilter.value = 'done';
    tag.value = 'formulier';
    $<HTMLButtonElement>(el, 'form.filter button[type="submit"]').click();
    await until(() => queries.length === 2);
    expect(queries[1]).to.include({ status: 'done', tag: 'formulier', limit: 20 });
    expect(el.filter).to.include({ status: 'done', tag: 'formulier' });
    await until(() => textOf(el).includes('Filter wissen'));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'form.filter button.secondary').click();
    await until(() => queries.length === 3);
    expect(queries[2]!.status).to.equal(undefined);
    expect(queries[2]!.tag).to.equal(undefined);
  });

  it('sets the status of the selected comments, one PATCH each, and announces it', async () => {
    const list = [comment('Eerste'), comment('Tweede'), comment('Derde')];
    const api = collector(list);
    const { el } = await mounted(api);
    pick(items(el)[0]!).click();
    pick(items(el)[2]!).click();
    await el.updateComplete;
    expect($(el, '[data-selected]').textContent!.trim()).to.equal('2 opmerkingen geselecteerd.');
    expect($<HTMLInputElement>(el, '#pick-all').indeterminate).to.equal(true);
    await expect(el).to.be.accessible();

    $<HTMLSelectElement>(el, '#bar-status').value = 'done';
    action(el, 'status').click();
    await until(() => status(el) === '2 opmerkingen bijgewerkt.');
    expect(patches(api)).to.deep.equal([
      ['omgevingsloket', list[0]!.id, { status: 'done' }],
      ['omgevingsloket', list[2]!.id, { status: 'done' }],
    ]);
    expect(items(el).map((li) => $(li, '[data-status]').textContent!.trim())).to.deep.equal([
      'Status: Afgehandeld',
      'Status: Nieuw',
      'Status: Afgehandeld',
    ]);
    // The selection stays for a next action.
    expect(items(el).map((li) => pick(li).checked)).to.deep.equal([true, false, true]);
  });

  it('asks to select comments first, and sends nothing', async () => {
    const api = collector([comment('Eerste')]);
    const { el } = await mounted(api);
    action(el, 'status').click();
    await until(() => status(el).includes('Selecteer eerst'));
    expect(status(el)).to.equal(
      'Fout: Selecteer eerst een of meer opmerkingen met de vakjes in de lijst.',
    );
    expect($(el, '[role="status"]').classList.contains('error')).to.equal(true);
    expect(patches(api)).to.deep.equal([]);
  });

  it('adds a tag from the suggestions to every comment shown, and takes it away again', async () => {
    const list = [comment('Eerste'), comment('Tweede', { tags: ['telefoon'] }), comment('Derde')];
    const api = collector(list);
    const { el } = await mounted(api);
    // The organisation's tags, then the period's themes (pairs first), each once.
    await until(() => el.shadowRoot!.querySelectorAll('#tag-suggestions option').length === 4);
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#tag-suggestions option')].map(
        (option) => option.value,
      ),
    ).to.deep.equal(['formulier', 'wachttijd', 'te lang', 'traag']);
    expect($<HTMLInputElement>(el, '#bar-tag').getAttribute('list')).to.equal('tag-suggestions');

    $<HTMLInputElement>(el, '#pick-all').click();
    await el.updateComplete;
    expect(items(el).every((li) => pick(li).checked)).to.equal(true);
    $<HTMLInputElement>(el, '#bar-tag').value = ' telefoon ';
    action(el, 'add-tag').click();
    await until(() => status(el) === '3 opmerkingen bijgewerkt.');
    // The comment that had the tag already needs no request.
    expect(patches(api)).to.deep.equal([
      ['omgevingsloket', list[0]!.id, { tags: ['telefoon'] }],
      ['omgevingsloket', list[2]!.id, { tags: ['telefoon'] }],
    ]);
    expect($<HTMLInputElement>(el, '#bar-tag').value).to.equal('');
    expect(items(el).map((li) => textOf(li).includes('Tags: telefoon'))).to.deep.equal([
      true,
      true,
      true,
    ]);
    // A new tag can be filtered on at once.
    expect(
      [...$<HTMLSelectElement>(el, '#filter-tag').options].map((option) => option.value),
    ).to.include('telefoon');
    await expect(el).to.be.accessible();

    $<HTMLSelectElement>(el, '#bar-untag').value = 'telefoon';
    action(el, 'remove-tag').click();
    await until(() => patches(api).length === 5);
    expect(
      patches(api)
        .slice(2)
        .map((args) => args[2]),
    ).to.deep.equal([{ tags: [] }, { tags: [] }, { tags: [] }]);
    await until(() => el.shadowRoot!.querySelector('#bar-untag') === null);
    expect(textOf($(el, 'form[data-action="remove-tag"]'))).to.contain(
      'De geselecteerde opmerkingen hebben geen tags.',
    );
  });

  it('explains a tag that is not a tag, beside the field', async () => {
    const api = collector([comment('Eerste')]);
    const { el } = await mounted(api);
    pick(items(el)[0]!).click();
    const input = $<HTMLInputElement>(el, '#bar-tag');
    input.value = '   ';
    action(el, 'add-tag').click();
    await until(() => el.shadowRoot!.querySelector('#bar-tag-error'));
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('bar-tag-hint bar-tag-error');
    expect($(el, '#bar-tag-error').textContent).to.contain('Typ een tag van 1 tot 40 tekens.');
    expect(focused(el)).to.equal(input);
    expect(patches(api)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says which comments failed and what to do, and keeps them selected', async () => {
    const list = [comment('Eerste'), comment('Tweede')];
    const api = collector(list, {
      triage: (_serviceId, id, change) => {
        if (id === list[1]!.id) throw new ApiError('network', 0, 'Failed to fetch');
        return { ...list[0]!, ...change };
      },
    });
    const { el } = await mounted(api);
    $<HTMLInputElement>(el, '#pick-all').click();
    $<HTMLSelectElement>(el, '#bar-status').value = 'read';
    action(el, 'status').click();
    await until(() => status(el).includes('bijgewerkt'));
    expect(status(el)).to.equal(
      'Fout: 1 opmerking bijgewerkt. 1 opmerking kon niet worden bijgewerkt. ' +
        'De server is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw. ' +
        'De selectie blijft staan: probeer het opnieuw.',
    );
    expect(items(el).map((li) => pick(li).checked)).to.deep.equal([true, true]);
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: select, choose a status, apply, and keep focus on the button', async () => {
    const list = [comment('Eerste'), comment('Tweede')];
    const api = collector(list);
    const { el } = await mounted(api);
    pick(items(el)[1]!).focus();
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(pick(items(el)[1]!).checked).to.equal(true);

    $<HTMLSelectElement>(el, '#bar-status').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect($<HTMLSelectElement>(el, '#bar-status').value).to.equal('read');
    await userEvent.tab();
    const button = action(el, 'status');
    expect(focused(el)).to.equal(button);
    // The focus ring is visible: 3 px solid.
    expect(getComputedStyle(button).outlineStyle).to.equal('solid');
    expect(getComputedStyle(button).outlineWidth).to.equal('3px');
    await userEvent.keyboard('{Enter}');
    await until(() => status(el) === '1 opmerking bijgewerkt.');
    expect(patches(api)).to.deep.equal([['omgevingsloket', list[1]!.id, { status: 'read' }]]);
    expect(focused(el)).to.equal(button);

    // A tag typed and sent with Enter.
    $<HTMLInputElement>(el, '#bar-tag').focus();
    await userEvent.keyboard('balie{Enter}');
    await until(() => patches(api).length === 2);
    expect(patches(api)[1]).to.deep.equal(['omgevingsloket', list[1]!.id, { tags: ['balie'] }]);
  });

  it('edits the internal note behind a disclosure button, and Escape closes it', async () => {
    const list = [comment('Eerste', { note: 'Oud' })];
    const api = collector(list);
    const { el } = await mounted(api);
    const li = items(el)[0]!;
    const button = tool(li, 'note');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    const textarea = await until(() =>
      el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-tool-panel="note"] textarea'),
    );
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal($(el, '[data-tool-panel]').id);
    expect(focused(el)).to.equal(textarea);
    expect(textarea.value).to.equal('Oud');
    expect(textarea.labels![0]!.textContent).to.equal('Interne notitie');
    await expect(el).to.be.accessible();

    await userEvent.keyboard('{Escape}');
    await until(() => !el.shadowRoot!.querySelector('[data-tool-panel]'));
    expect(focused(el)).to.equal(button);
    expect(patches(api)).to.deep.equal([]);

    button.click();
    const again = await until(() =>
      el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-tool-panel="note"] textarea'),
    );
    again.value = 'Teruggebeld; volgt op.  ';
    $<HTMLButtonElement>(el, '[data-tool-panel="note"] button[type="submit"]').click();
    await until(() => status(el) === 'De notitie is bewaard.');
    expect(patches(api)).to.deep.equal([
      ['omgevingsloket', list[0]!.id, { note: 'Teruggebeld; volgt op.' }],
    ]);
    expect(el.shadowRoot!.querySelector('[data-tool-panel]')).to.equal(null);
    expect($(items(el)[0]!, '.note-text').textContent).to.equal('Teruggebeld; volgt op.');
    expect(focused(el)).to.equal(tool(items(el)[0]!, 'note'));

    // An empty note removes it.
    tool(items(el)[0]!, 'note').click();
    const last = await until(() =>
      el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-tool-panel="note"] textarea'),
    );
    last.value = ' ';
    $<HTMLButtonElement>(el, '[data-tool-panel="note"] button[type="submit"]').click();
    await until(() => status(el) === 'De notitie is gewist.');
    expect(patches(api)[1]![2]).to.deep.equal({ note: null });
    expect(items(el)[0]!.querySelector('[data-note]')).to.equal(null);
  });

  it('removes a piece of text, which becomes [verwijderd], after checking that it is there', async () => {
    const list = [comment('Bel Jan Peeters op 0470 12 34 56, Jan Peeters weet het.')];
    const api = collector(list);
    const { el } = await mounted(api);
    tool(items(el)[0]!, 'redact').click();
    const input = await until(() =>
      el.shadowRoot!.querySelector<HTMLInputElement>('[data-tool-panel="redact"] input'),
    );
    await el.updateComplete;
    expect(focused(el)).to.equal(input);
    expect(textOf($(el, '[data-tool-panel="redact"]'))).to.contain(
      'Overal waar hij staat, komt [verwijderd] in de plaats.',
    );
    await expect(el).to.be.accessible();

    const submit = $<HTMLButtonElement>(el, '[data-tool-panel="redact"] button[type="submit"]');
    input.value = 'jan peeters';
    submit.click();
    await until(() => input.getAttribute('aria-invalid') === 'true');
    expect(textOf($(el, '[data-tool-panel="redact"] .error'))).to.contain(
      'Deze tekst staat niet in de opmerking.',
    );
    expect(focused(el)).to.equal(input);
    expect(api.calls.filter((call) => call.method === 'redact')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    input.value = 'Jan Peeters ';
    submit.click();
    await until(() => status(el) === 'De tekst is vervangen door [verwijderd].');
    expect(api.calls.find((call) => call.method === 'redact')!.args).to.deep.equal([
      'omgevingsloket',
      list[0]!.id,
      'Jan Peeters',
    ]);
    expect($(items(el)[0]!, '.text').textContent).to.equal(
      'Bel [verwijderd] op 0470 12 34 56, [verwijderd] weet het.',
    );
    expect(focused(el)).to.equal(tool(items(el)[0]!, 'redact'));
  });

  it('says so when the collector does not find the text to remove', async () => {
    const api = collector([comment('Met naam erin')], {
      redact: () => {
        throw new ApiError('too-large', 422, 'The text does not occur in the comment.');
      },
    });
    const { el } = await mounted(api);
    tool(items(el)[0]!, 'redact').click();
    const input = await until(() =>
      el.shadowRoot!.querySelector<HTMLInputElement>('[data-tool-panel="redact"] input'),
    );
    input.value = 'naam';
    $<HTMLButtonElement>(el, '[data-tool-panel="redact"] button[type="submit"]').click();
    await until(() => status(el).includes('Deze tekst staat niet in de opmerking.'));
    expect(focused(el)).to.equal(input);
  });

  it('erases an answer only after a confirmation in the page, then moves focus on', async () => {
    const list = [comment('Eerste'), comment('Tweede'), comment('Derde')];
    const api = collector(list);
    const { el, events } = await mounted(api);
    const original = window.confirm;
    window.confirm = () => {
      throw new Error('No window.confirm: the confirmation is part of the page.');
    };
    try {
      const button = tool(items(el)[1]!, 'erase');
      button.click();
      const confirmation = await until(() =>
        el.shadowRoot!.querySelector<HTMLElement>('[data-tool-panel="erase"]'),
      );
      await el.updateComplete;
      expect(focused(el)).to.equal(confirmation);
      expect(confirmation.getAttribute('role')).to.equal('group');
      expect(textOf(confirmation)).to.contain('Dit antwoord helemaal verwijderen?');
      expect(textOf(confirmation)).to.contain('alle cijfers');
      expect(textOf(confirmation)).to.contain('Dit kan niet ongedaan worden gemaakt.');
      expect(api.calls.filter((call) => call.method === 'erase')).to.deep.equal([]);
      await expect(el).to.be.accessible();

      // Cancel: nothing erased, focus back on the button.
      $<HTMLButtonElement>(confirmation, 'button.secondary').click();
      await until(() => !el.shadowRoot!.querySelector('[data-tool-panel]'));
      expect(focused(el)).to.equal(button);

      pick(items(el)[1]!).click();
      button.click();
      await until(() => el.shadowRoot!.querySelector('[data-tool-panel="erase"]'));
      $<HTMLButtonElement>(el, '[data-tool-panel="erase"] button.danger').click();
      await until(() => items(el).length === 2);
      expect(api.calls.find((call) => call.method === 'erase')!.args).to.deep.equal([
        'omgevingsloket',
        list[1]!.id,
      ]);
      expect(items(el).map((li) => $(li, '.text').textContent)).to.deep.equal(['Eerste', 'Derde']);
      expect(status(el)).to.equal('Het antwoord is verwijderd, ook uit alle cijfers.');
      expect($(el, '[data-selected]').textContent!.trim()).to.equal('Geen opmerking geselecteerd.');
      expect(focused(el)).to.equal(items(el)[1]);
      expect(events.map((event) => event.detail)).to.deep.equal([
        { serviceId: 'omgevingsloket', feedbackId: list[1]!.id },
      ]);
      await expect(el).to.be.accessible();
    } finally {
      window.confirm = original;
    }
  });

  it('keeps the comment and says what to do when erasing fails', async () => {
    const api = collector([comment('Eerste')], {
      erase: () => {
        throw new ApiError('server', 500, 'Internal Server Error');
      },
    });
    const { el } = await mounted(api);
    tool(items(el)[0]!, 'erase').click();
    await until(() => el.shadowRoot!.querySelector('[data-tool-panel="erase"]'));
    $<HTMLButtonElement>(el, '[data-tool-panel="erase"] button.danger').click();
    await until(() => status(el).includes('niet worden verwijderd'));
    expect(items(el)).to.have.length(1);
    expect(textOf($(el, '[data-tool-panel="erase"] .error'))).to.contain(
      'Het antwoord kon niet worden verwijderd. Er ging iets mis aan onze kant.',
    );
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without scrolling sideways, with the action bar and a tool open', async () => {
    await page.viewport(320, 640);
    const list = [
      comment('Een heel lange opmerking over het formulier dat maar niet wilde opslaan', {
        tags: ['formulier', 'een-heel-lange-tag-van-veertig-tekens-xx'],
        note: 'Interne opvolging door de dienst burgerzaken.',
      }),
    ];
    const { el } = await mounted(collector(list));
    pick(items(el)[0]!).click();
    tool(items(el)[0]!, 'redact').click();
    await until(() => el.shadowRoot!.querySelector('[data-tool-panel="redact"]'));
    await el.updateComplete;
    const host = el.getBoundingClientRect();
    expect(host.width).to.be.at.most(320);
    const outside = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && (box.right > host.right + 1 || box.left < host.left - 1);
    });
    expect(outside.map((node) => node.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(
      document.documentElement.clientWidth,
    );
  });
});
