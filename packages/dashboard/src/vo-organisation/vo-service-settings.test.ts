import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AdminService } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  serviceConfig,
  textOf,
  until,
} from '../../test/fixtures.ts';
import { adminService, MANAGER } from '../../test/manage.ts';
import type { VoServiceSettings } from './vo-organisation.ts';

async function mounted(fake: FakeApi) {
  const { el, events } = await mount<VoServiceSettings>(
    html`<vo-service-settings
      .context=${context(fake, { person: MANAGER })}
    ></vo-service-settings>`,
    'vo-services-changed',
  );
  return { el, events };
}

const $ = <E extends Element = HTMLElement>(el: VoServiceSettings, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoServiceSettings, selector: string) => [
  ...el.shadowRoot!.querySelectorAll(selector),
];
const status = (el: VoServiceSettings, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoServiceSettings, id: string) => $(el, `[data-item="${id}"]`)!;
const fact = (root: Element, name: string) =>
  textOf(root.querySelector(`[data-figure="${name}"]`)!);
const active = (el: VoServiceSettings) => el.shadowRoot!.activeElement;
const calls = (fake: FakeApi, method: string) => fake.calls.filter((c) => c.method === method);
const input = (el: VoServiceSettings, id: string) => $<HTMLInputElement>(el, `#${id}`)!;

/** Types into a field as a person would: the field's input events keep the draft. */
async function typeInto(el: VoServiceSettings, id: string, text: string) {
  const field = input(el, id);
  field.focus();
  field.select();
  await userEvent.keyboard(text);
}

const LOKET = adminService('omgevingsloket', 'Omgevingsloket', {
  allowedOrigins: ['https://www.zonnedorp.be', 'https://loket.zonnedorp.be'],
  helpUrl: 'tel:09 210 10 10',
});
const OWN_REASONS = adminService('parkeerkaart', 'Parkeerkaart aanvragen', {
  allowedOrigins: [],
  active: false,
  reasons: [
    {
      code: 'te-duur',
      labels: { nl: 'Te duur', fr: 'Trop cher', en: 'Too expensive', de: 'Zu teuer' },
    },
  ],
});

describe('<vo-service-settings>', () => {
  it('lists the services with their settings in words, and passes axe', async () => {
    const answer = deferred<AdminService[]>();
    const fake = new FakeApi({ adminServices: () => answer.promise });
    const { el } = await mounted(fake);
    expect(status(el, 'load')).to.equal('De diensten worden geladen…');
    await expect(el).to.be.accessible();
    answer.resolve([LOKET, OWN_REASONS]);
    await until(() => $(el, '.items'));
    await expect(el).to.be.accessible();
    const loket = item(el, LOKET.id);
    expect(fact(loket, 'id')).to.equal('omgevingsloket');
    expect(fact(loket, 'status')).to.equal('Actief');
    expect(fact(loket, 'origins')).to.equal('https://www.zonnedorp.be, https://loket.zonnedorp.be');
    expect(fact(loket, 'help')).to.equal('tel:09 210 10 10');
    expect(fact(loket, 'reasons')).to.equal('De standaardlijst');
    const parking = item(el, OWN_REASONS.id);
    expect(fact(parking, 'status')).to.equal('Niet actief: neemt geen feedback aan');
    expect(fact(parking, 'origins')).to.match(/^Geen: de widget op een website wordt geweigerd/);
    expect(fact(parking, 'help')).to.equal('Standaard: de Vlaamse infolijn 1700');
    expect(fact(parking, 'reasons')).to.equal('Te duur');
    expect(calls(fake, 'adminServices')).to.have.length(1);

    const empty = await mounted(new FakeApi({ adminServices: () => [] }));
    await until(() => $(empty.el, '[data-empty]'));
    await expect(empty.el).to.be.accessible();
  });

  it('changes the origins and the help page by keyboard, sending only what changed', async () => {
    const fake = new FakeApi({
      adminServices: () => [LOKET],
      changeService: (_id, changes) => ({ ...LOKET, ...changes }) as AdminService,
    });
    const { el } = await mounted(fake);
    await until(() => $(el, '.items'));
    const edit = item(el, LOKET.id).querySelector<HTMLButtonElement>('button[data-edit]')!;
    expect(textOf(edit)).to.equal('Instellingen wijzigen: Omgevingsloket');
    edit.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => $(el, '#settings-origins'));
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)).to.equal($(el, '#settings-origins'));
    expect($<HTMLTextAreaElement>(el, '#settings-origins')!.value).to.equal(
      'https://www.zonnedorp.be\nhttps://loket.zonnedorp.be',
    );
    await expect(el).to.be.accessible();

    // An origin with a path: the message names the line and how to write it.
    await userEvent.keyboard('{End}{Enter}https://Nieuw.Zonnedorp.be/loket');
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.click();
    await until(() => $(el, '#settings-origins-error'));
    expect(textOf($(el, '#settings-origins-error')!)).to.equal(
      'Fout: „https://nieuw.zonnedorp.be/loket” is geen website. Schrijf ze als https://www.gent.be: het schema en de host, eventueel een poort, zonder pad.',
    );
    expect(active(el)).to.equal($(el, '#settings-origins'));
    await expect(el).to.be.accessible();
    expect(calls(fake, 'changeService')).to.have.length(0);

    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#settings-help'));
    await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => calls(fake, 'changeService').length === 1);
    expect(calls(fake, 'changeService')[0]!.args).to.deep.equal([
      'omgevingsloket',
      {
        allowedOrigins: [
          'https://www.zonnedorp.be',
          'https://loket.zonnedorp.be',
          'https://nieuw.zonnedorp.be',
        ],
        helpUrl: null,
      },
    ]);
    await until(() => !$(el, '#settings-origins'));
    expect(status(el, 'change')).to.equal('De instellingen van Omgevingsloket zijn opgeslagen.');
    expect(active(el)).to.equal(edit);
    expect(edit.getAttribute('aria-expanded')).to.equal('false');
    expect(fact(item(el, LOKET.id), 'help')).to.equal('Standaard: de Vlaamse infolijn 1700');
    await expect(el).to.be.accessible();
  });

  it('gives a service its own reasons, starting from the ones it offers now', async () => {
    const fake = new FakeApi({
      adminServices: () => [LOKET],
      serviceConfig: () => serviceConfig({ serviceId: 'omgevingsloket' }),
      changeService: (_id, changes) => ({ ...LOKET, ...changes }) as AdminService,
    });
    const { el } = await mounted(fake);
    await until(() => $(el, '.items'));
    item(el, LOKET.id).querySelector<HTMLButtonElement>('button[data-edit]')!.click();
    await until(() => $(el, '#reasons-own'));
    expect(input(el, 'reasons-default').checked).to.equal(true);
    input(el, 'reasons-own').click();
    // The six default reasons, to edit: no "add" while there are six.
    await until(() => $$(el, '.reason').length === 6);
    expect(input(el, 'reason-0-code').value).to.equal('unclear-information');
    expect(input(el, 'reason-0-fr').lang).to.equal('fr');
    expect($(el, 'button[data-add-reason]')).to.equal(null);
    await expect(el).to.be.accessible();

    // Remove five, keep "too slow" renamed, and add one of our own.
    for (const _ of [1, 2, 3, 4, 5]) {
      const code = input(el, 'reason-0-code').value;
      if (code === 'too-slow') {
        $<HTMLButtonElement>(el, '[data-reason="1"] button[data-remove-reason]')!.click();
      } else {
        $<HTMLButtonElement>(el, '[data-reason="0"] button[data-remove-reason]')!.click();
      }
      await el.updateComplete;
    }
    expect($$(el, '.reason')).to.have.length(1);
    expect(input(el, 'reason-0-code').value).to.equal('too-slow');
    expect(status(el, 'change')).to.match(/^Reden \d is verwijderd\.$/);
    await typeInto(el, 'reason-0-nl', 'Het duurde te lang voor mij');
    $<HTMLButtonElement>(el, 'button[data-add-reason]')!.click();
    await until(() => $(el, '#reason-1-code'));
    expect(active(el)).to.equal($(el, '#reason-1-code'));
    expect(status(el, 'change')).to.equal('Reden 2 is toegevoegd.');
    await userEvent.keyboard('te-duur');
    // A label missing: the message says what each reason needs, focus on the empty field.
    await typeInto(el, 'reason-1-nl', 'Te duur');
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.click();
    await until(() => $(el, '#reasons-error'));
    expect(active(el)).to.equal($(el, '#reason-1-fr'));
    expect(textOf($(el, '#reasons-error')!)).to.match(/^Fout: Geef elke reden een code/);
    await expect(el).to.be.accessible();
    await typeInto(el, 'reason-1-fr', 'Trop cher');
    await typeInto(el, 'reason-1-en', 'Too expensive');
    await typeInto(el, 'reason-1-de', 'Zu teuer');
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.click();
    await until(() => calls(fake, 'changeService').length === 1);
    const [, changes] = calls(fake, 'changeService')[0]!.args as [string, { reasons: unknown }];
    expect(changes).to.deep.equal({
      reasons: [
        {
          code: 'too-slow',
          labels: {
            nl: 'Het duurde te lang voor mij',
            fr: 'Cela a pris trop de temps',
            en: 'It took too long',
            de: 'Es hat zu lange gedauert',
          },
        },
        {
          code: 'te-duur',
          labels: { nl: 'Te duur', fr: 'Trop cher', en: 'Too expensive', de: 'Zu teuer' },
        },
      ],
    });
    await until(
      () => fact(item(el, LOKET.id), 'reasons') === 'Het duurde te lang voor mij; Te duur',
    );
  });

  it('returns to the default list, says when nothing changed, and shows the collector’s reason', async () => {
    const fake = new FakeApi({
      adminServices: () => [OWN_REASONS],
      changeService: () => {
        throw new ApiError('invalid', 400, 'The service is not valid; see errors.', [
          { path: 'reasons', message: 'Give at least one reason, or null for the default list.' },
        ]);
      },
    });
    const { el } = await mounted(fake);
    await until(() => $(el, '.items'));
    const edit = item(el, OWN_REASONS.id).querySelector<HTMLButtonElement>('button[data-edit]')!;
    edit.click();
    await until(() => $(el, '#reason-0-code'));
    expect(input(el, 'reasons-own').checked).to.equal(true);
    // Nothing changed: nothing sent.
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.click();
    await until(() => !$(el, '.settings'));
    expect(status(el, 'change')).to.equal('Er is niets gewijzigd aan Parkeerkaart aanvragen.');
    expect(calls(fake, 'changeService')).to.have.length(0);
    expect(active(el)).to.equal(edit);

    edit.click();
    await until(() => $(el, '#reasons-default'));
    input(el, 'reasons-default').click();
    await until(() => $(el, '#own-reasons')!.hidden);
    $<HTMLButtonElement>(el, '.settings button[type="submit"]')!.click();
    await until(() => $(el, '#reasons-error'));
    expect(calls(fake, 'changeService')[0]!.args).to.deep.equal([
      'parkeerkaart',
      { reasons: null },
    ]);
    expect(textOf($(el, '#reasons-error')!)).to.equal(
      'Fout: Give at least one reason, or null for the default list.',
    );
    await expect(el).to.be.accessible();
    // Cancelled: the panel closes, focus back on its button.
    $<HTMLButtonElement>(el, '.settings button[data-cancel]')!.click();
    await until(() => !$(el, '.settings'));
    expect(active(el)).to.equal(edit);
  });

  it('adds a service, says what to fix first, and tells the shell', async () => {
    const ADDED = adminService('afvalkalender', 'Afvalkalender', { allowedOrigins: [] });
    const fake = new FakeApi({ adminServices: () => [LOKET], addService: () => ADDED });
    const { el, events } = await mounted(fake);
    await until(() => $(el, '#new-service-name'));
    input(el, 'new-service-id').value = 'Afval Kalender';
    $<HTMLButtonElement>(el, 'form:not(.settings) button[type="submit"]')!.click();
    await until(() => $(el, '#new-service-name-error'));
    expect(status(el, 'change')).to.equal(
      'Fout: Vul de naam van de dienst in, bijvoorbeeld Parkeerkaart aanvragen.',
    );
    expect(textOf($(el, '#new-service-id-error')!)).to.match(/^Fout: Vul een id in van 2 tot 64/);
    expect(active(el)).to.equal($(el, '#new-service-name'));
    await expect(el).to.be.accessible();

    await userEvent.keyboard('Afvalkalender');
    input(el, 'new-service-id').value = 'afvalkalender';
    $<HTMLButtonElement>(el, 'form:not(.settings) button[type="submit"]')!.click();
    await until(() => $(el, `[data-item="afvalkalender"]`));
    expect(calls(fake, 'addService')[0]!.args).to.deep.equal([
      { id: 'afvalkalender', name: 'Afvalkalender', allowedOrigins: [] },
    ]);
    expect(status(el, 'change')).to.equal('De dienst Afvalkalender is toegevoegd.');
    expect(active(el)).to.equal(item(el, 'afvalkalender').querySelector('h3'));
    expect(events.map((event) => event.detail)).to.deep.equal([{ serviceId: 'afvalkalender' }]);
    await expect(el).to.be.accessible();
  });
});
