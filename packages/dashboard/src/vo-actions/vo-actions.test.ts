import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Action, ActionList } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { action } from '../../test/acting.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  PERIOD,
  SERVICES,
  textOf,
  themes,
  until,
} from '../../test/fixtures.ts';
import type { VoActions } from './vo-actions.ts';

const SERVICE = SERVICES[0]!;

const list = (actions: Action[]): ActionList => ({ serviceId: SERVICE.id, actions });

async function mounted(fake: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoActions>(
    html`<vo-actions
      .context=${context(fake, { role })}
      .service=${SERVICE}
      .period=${PERIOD}
    ></vo-actions>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoActions, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoActions, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const status = (el: VoActions, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoActions, id: string) => $(el, `[data-action="${id}"]`)!;
const fact = (el: VoActions, id: string, name: string) =>
  textOf(item(el, id).querySelector(`[data-figure="${name}"]`)!);

const FORM = action('Formulier in twee stappen', {
  description: 'Minder velden, duidelijkere vragen.',
  status: 'done',
  public: true,
  themes: ['formulier', 'te lang'],
  plannedOn: '2026-04-30',
  doneOn: '2026-05-12',
});
const PHONE = action('Telefonische permanentie langer open', { plannedOn: '2026-09-01' });

describe('<vo-actions>', () => {
  it('lists the actions with status, dates, public and themes, and passes axe loading and loaded', async () => {
    const answer = deferred<ActionList>();
    const fake = new FakeApi({ actions: () => answer.promise, themes: () => themes() });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('Acties worden geladen…');
    await expect(el).to.be.accessible();

    answer.resolve(list([FORM, PHONE]));
    await until(() => $(el, '.actions'));
    await expect(el).to.be.accessible();
    expect(status(el, 'load')).to.equal('');
    expect(textOf($(el, 'h2')!)).to.equal('Wat we verbeteren');
    expect($$(el, '.action h4').map((h4) => textOf(h4))).to.deep.equal([FORM.title, PHONE.title]);
    expect(textOf(item(el, FORM.id).querySelector('.description')!)).to.equal(FORM.description);
    expect(fact(el, FORM.id, 'planned')).to.equal('30 april 2026');
    expect(fact(el, FORM.id, 'done')).to.equal('12 mei 2026');
    expect(fact(el, FORM.id, 'public')).to.equal('Ja: op /transparantie zodra de actie klaar is');
    expect(fact(el, FORM.id, 'themes')).to.equal('formulier, te lang');
    expect(fact(el, PHONE.id, 'public')).to.equal('Nee, alleen in het jaarrapport');
    expect(item(el, PHONE.id).querySelector('[data-figure="done"]')).to.equal(null);
    // The status is a labelled select, named by its action for screen readers.
    const select = item(el, FORM.id).querySelector('select')!;
    expect(select.value).to.equal('done');
    expect(textOf(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)!)).to.equal(
      `Status van “${FORM.title}”`,
    );
    expect([...select.options].map((option) => textOf(option))).to.deep.equal([
      'Gepland',
      'Bezig',
      'Klaar',
    ]);
    expect(textOf(item(el, FORM.id).querySelector('button[data-delete]')!)).to.equal(
      `Verwijderen ${FORM.title}`,
    );
    // The period's themes to link a new action to: pairs first.
    expect(
      $$(el, 'input[name="themes"]').map((box) => (box as HTMLInputElement).value),
    ).to.deep.equal(['te lang', 'formulier', 'traag']);
    expect(fake.calls.map((call) => [call.method, ...call.args])).to.deep.equal([
      ['themes', SERVICE.id, PERIOD, 'count'],
      ['actions', SERVICE.id],
    ]);
  });

  it('says there are no actions yet, and offers the form without themes when they cannot be read', async () => {
    const fake = new FakeApi({
      actions: () => list([]),
      themes: () => {
        throw new ApiError('server', 502, 'Bad Gateway');
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '[data-no-actions]'));
    expect(textOf($(el, '[data-no-actions]')!)).to.equal(
      'Nog geen acties voor deze dienst. Voeg hieronder de eerste toe.',
    );
    expect($(el, 'form')).not.to.equal(null);
    expect($(el, 'fieldset')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('adds an action with the keyboard: sends what was filled in and focuses the new action', async () => {
    const created = deferred<Action>();
    const fake = new FakeApi({
      actions: () => list([PHONE]),
      themes: () => themes(),
      createAction: () => created.promise,
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#action-title')!.focus();
    await userEvent.keyboard('Wachtzaal met meer stoelen');
    await userEvent.tab();
    await userEvent.keyboard('Twaalf stoelen erbij.');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#action-status'));
    $<HTMLSelectElement>(el, '#action-status')!.value = 'in-progress';
    $<HTMLInputElement>(el, '#action-planned')!.value = '2026-07-01';
    $<HTMLInputElement>(el, '#action-public')!.focus();
    await userEvent.keyboard(' ');
    expect($<HTMLInputElement>(el, '#action-public')!.checked).to.equal(true);
    expect(
      el.shadowRoot!.getElementById($(el, '#action-public')!.getAttribute('aria-describedby')!)!
        .textContent,
    ).to.contain('Dankzij uw feedback …');
    $<HTMLInputElement>(el, 'input[value="te lang"]')!.click();
    $<HTMLInputElement>(el, '#action-title')!.focus();
    await userEvent.keyboard('{Enter}');

    await until(() => status(el, 'change') === 'Bezig met opslaan…');
    await expect(el).to.be.accessible();
    const call = fake.calls.find((c) => c.method === 'createAction')!;
    expect(call.args).to.deep.equal([
      SERVICE.id,
      {
        title: 'Wachtzaal met meer stoelen',
        status: 'in-progress',
        public: true,
        themes: ['te lang'],
        description: 'Twaalf stoelen erbij.',
        plannedOn: '2026-07-01',
      },
    ]);
    const added = action('Wachtzaal met meer stoelen', { status: 'in-progress' });
    created.resolve(added);
    await until(
      () => status(el, 'change') === 'De actie “Wachtzaal met meer stoelen” is toegevoegd.',
    );
    expect($$(el, '.action h4').map((h4) => textOf(h4))).to.deep.equal([added.title, PHONE.title]);
    expect(el.shadowRoot!.activeElement).to.equal(item(el, added.id).querySelector('h4'));
    // The form is empty again for the next one.
    expect($<HTMLInputElement>(el, '#action-title')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#action-public')!.checked).to.equal(false);
  });

  it('forgets what it said about the last period or service once another is shown', async () => {
    const fake = new FakeApi({
      actions: () => list([PHONE]),
      themes: () => themes(),
      createAction: () => action('Wachtzaal met meer stoelen'),
    });
    const el = await mounted(fake);
    const added = async () => {
      await until(() => $(el, 'form'));
      $<HTMLInputElement>(el, '#action-title')!.value = 'Wachtzaal met meer stoelen';
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await until(() => status(el, 'change').endsWith('is toegevoegd.'));
    };
    await added();
    el.period = { from: '2026-01-01', to: '2026-03-31' };
    await el.updateComplete;
    expect(status(el, 'change')).to.equal('');
    await until(() => $(el, '.actions'));
    expect(status(el, 'change')).to.equal('');

    await added();
    el.service = SERVICES[1]!;
    await el.updateComplete;
    expect(status(el, 'change')).to.equal('');
    // A refused title belonged to the form of the other service too.
    await until(() => $(el, 'form'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'change').startsWith('Fout'));
    el.period = { from: '2026-04-01', to: '2026-06-30' };
    await el.updateComplete;
    await until(() => $(el, '#action-title'));
    expect(status(el, 'change')).to.equal('');
    expect($(el, '#action-title')!.getAttribute('aria-invalid')).to.equal('false');
    expect(getComputedStyle($(el, '[data-status="change"]')!).marginBottom).to.equal('0px');
  });

  it('asks for a title, tied to the field, focuses it and sends nothing', async () => {
    const fake = new FakeApi({ actions: () => list([]), themes: () => themes() });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#action-title')!.value = '   ';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await until(() => $(el, '#action-title-error'));
    expect(textOf($(el, '#action-title-error')!)).to.equal('Fout: Geef de actie een titel.');
    expect($(el, '#action-title')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#action-title')!.getAttribute('aria-describedby')).to.equal(
      'action-title-error action-title-hint',
    );
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#action-title'));
    expect(status(el, 'change')).to.equal('Fout: Geef de actie een titel.');
    expect(fake.calls.some((call) => call.method === 'createAction')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says what the collector refused and why', async () => {
    const fake = new FakeApi({
      actions: () => list([]),
      themes: () => themes(),
      createAction: () => {
        throw new ApiError('invalid', 400, 'The body is not valid; see errors.', [
          { path: 'plannedOn', message: 'Use a date as YYYY-MM-DD.' },
        ]);
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#action-title')!.value = 'Iets';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await until(() => status(el, 'change').startsWith('Fout'));
    expect(status(el, 'change')).to.equal(
      'Fout: Niet opgeslagen. Dit werd niet aanvaard. Pas het aan en probeer opnieuw: Use a date as YYYY-MM-DD.',
    );
    expect($(el, '[data-status="change"]')!.className).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('changes the status in place, announces it, and puts it back when refused', async () => {
    let refuse = false;
    const fake = new FakeApi({
      actions: () => list([PHONE]),
      themes: () => themes(),
      changeAction: (_service, _id, change) => {
        if (refuse) throw new ApiError('network', 0, 'Failed to fetch');
        return { ...PHONE, ...change, doneOn: change.status === 'done' ? '2026-06-15' : null };
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '.actions'));
    const select = item(el, PHONE.id).querySelector('select')!;
    select.focus();
    select.value = 'done';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => status(el, 'change').startsWith('De status'));
    expect(status(el, 'change')).to.equal(`De status van “${PHONE.title}” is nu: Klaar.`);
    expect(fake.calls.at(-1)!.args).to.deep.equal([SERVICE.id, PHONE.id, { status: 'done' }]);
    expect(fact(el, PHONE.id, 'done')).to.equal('15 juni 2026');

    refuse = true;
    const again = item(el, PHONE.id).querySelector('select')!;
    again.value = 'planned';
    again.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => status(el, 'change').startsWith('Fout'));
    expect(status(el, 'change')).to.contain(el.context.t.networkError);
    expect(item(el, PHONE.id).querySelector('select')!.value).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('deletes only after an in-page confirmation, with focus moved on purpose', async () => {
    const fake = new FakeApi({
      actions: () => list([FORM, PHONE]),
      themes: () => themes(),
      deleteAction: () => undefined,
    });
    const el = await mounted(fake);
    await until(() => $(el, '.actions'));
    const remove = () =>
      item(el, PHONE.id).querySelector<HTMLButtonElement>('button[data-delete]')!;

    remove().focus();
    await userEvent.keyboard('{Enter}');
    const question = await until(() => item(el, PHONE.id).querySelector('.confirm p'));
    expect(el.shadowRoot!.activeElement).to.equal(question);
    expect(textOf(question)).to.equal(
      `Wilt u de actie “${PHONE.title}” verwijderen? Dat kunt u niet ongedaan maken.`,
    );
    expect(remove().getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    // "No" keeps it and returns focus to its delete button.
    item(el, PHONE.id).querySelector<HTMLButtonElement>('button[data-cancel]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !item(el, PHONE.id).querySelector('.confirm'));
    expect(el.shadowRoot!.activeElement).to.equal(remove());
    expect(fake.calls.some((call) => call.method === 'deleteAction')).to.equal(false);

    remove().click();
    await until(() => item(el, PHONE.id).querySelector('.confirm'));
    item(el, PHONE.id).querySelector<HTMLButtonElement>('button[data-confirm]')!.focus();
    await userEvent.keyboard(' ');
    await until(() => status(el, 'change').endsWith('is verwijderd.'));
    expect(status(el, 'change')).to.equal(`De actie “${PHONE.title}” is verwijderd.`);
    expect(fake.calls.at(-1)!.args).to.deep.equal([SERVICE.id, PHONE.id]);
    expect($$(el, '.action h4').map((h4) => textOf(h4))).to.deep.equal([FORM.title]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#actions-list-heading'));
  });

  it('offers to try again when the actions cannot be loaded', async () => {
    let failures = 1;
    const el = await mounted(
      new FakeApi({
        themes: () => themes(),
        actions: () => {
          if (failures-- > 0) throw new ApiError('server', 500, 'Internal Server Error');
          return list([PHONE]);
        },
      }),
    );
    await until(() => $(el, '.message.is-error'));
    expect(textOf($(el, '.message.is-error')!)).to.contain(el.context.t.serverError);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.message.is-error button')!.click();
    await until(() => $(el, '.actions'));
    expect($$(el, '.action').length).to.equal(1);
  });

  it('shows nothing to a steering token, and asks for nothing', async () => {
    const fake = new FakeApi({ actions: () => list([PHONE]), themes: () => themes() });
    const el = await mounted(fake, 'steering');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form, select, button, h2')).to.equal(null);
    expect(fake.calls).to.deep.equal([]);
  });

  it('fits 320 px without scrolling sideways', async () => {
    const { el: box } = await mount<HTMLDivElement>(
      html`<div style="width: 320px; overflow: auto; position: relative">
        <vo-actions
          .context=${context(new FakeApi({ actions: () => list([FORM, PHONE]), themes: () => themes() }))}
          .service=${SERVICE}
          .period=${PERIOD}
        ></vo-actions>
      </div>`,
    );
    const el = box.querySelector('vo-actions')!;
    await until(() => $(el, '.actions'));
    item(el, FORM.id).querySelector<HTMLButtonElement>('button[data-delete]')!.click();
    await until(() => $(el, '.confirm'));
    // The box scrolls: anything wider than 320 px inside it makes it scroll sideways.
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });
});
