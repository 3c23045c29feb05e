import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Person } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { context, deferred, FakeApi, mount, textOf, until } from '../../test/fixtures.ts';
import { MANAGER, person } from '../../test/manage.ts';
import type { VoPeople } from './vo-organisation.ts';

async function mounted(fake: FakeApi, who = MANAGER) {
  const { el } = await mount<VoPeople>(
    html`<vo-people .context=${context(fake, { person: who })}></vo-people>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoPeople, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const status = (el: VoPeople, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoPeople, id: string) => $(el, `[data-item="${id}"]`)!;
const fact = (root: Element, name: string) =>
  textOf(root.querySelector(`[data-figure="${name}"]`)!);
const active = (el: VoPeople) => el.shadowRoot!.activeElement;
const calls = (fake: FakeApi, method: string) => fake.calls.filter((c) => c.method === method);

const SELF = person(MANAGER.email, {
  role: 'manager',
  bound: true,
  lastSignInAt: '2026-06-15T07:45:00.000Z',
});
const NEW = person('bert.claes@zonnedorp.be');
const BOUND = person('chris.dewit@zonnedorp.be', { bound: true });

describe('<vo-people>', () => {
  it('lists the people with their role and first sign-in in words, and passes axe', async () => {
    const answer = deferred<Person[]>();
    const fake = new FakeApi({ people: () => answer.promise });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('De mensen worden geladen…');
    await expect(el).to.be.accessible();
    answer.resolve([SELF, NEW, BOUND]);
    await until(() => $(el, '.items'));
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h2')!)).to.equal('Mensen');
    expect(textOf(item(el, SELF.id).querySelector('h3')!)).to.equal(
      'an.peeters@zonnedorp.be (uzelf)',
    );
    expect(fact(item(el, SELF.id), 'role')).to.equal('Beheerder');
    expect(fact(item(el, SELF.id), 'signed-in')).to.match(/^Laatst op .*2026/);
    expect(fact(item(el, NEW.id), 'role')).to.equal('Dienstverlener');
    expect(fact(item(el, NEW.id), 'signed-in')).to.equal('Nog nooit aangemeld');
    expect(fact(item(el, BOUND.id), 'signed-in')).to.equal('Ja');
    // A manager does not remove themselves: no button.
    expect(item(el, SELF.id).querySelector('button')).to.equal(null);
    expect(textOf(item(el, NEW.id).querySelector('button[data-remove]')!)).to.equal(
      'Verwijderen: bert.claes@zonnedorp.be',
    );

    const empty = await mounted(new FakeApi({ people: () => [] }));
    await until(() => $(empty, '[data-empty]'));
    await expect(empty).to.be.accessible();
  });

  it('registers a provider with the keyboard, and says what to fix first', async () => {
    const registered = deferred<Person>();
    const fake = new FakeApi({ people: () => [SELF], registerPerson: () => registered.promise });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#person-email-error'));
    expect(status(el, 'change')).to.equal(
      'Fout: Vul het e-mailadres in, bijvoorbeeld an.peeters@gent.be.',
    );
    expect(textOf($(el, '#person-role-error')!)).to.equal('Fout: Kies een rol.');
    expect(active(el)).to.equal($(el, '#person-email'));
    await expect(el).to.be.accessible();

    await userEvent.keyboard('bert.claes@zonnedorp.be');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#person-role-provider'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'change') === 'Bezig met opslaan…');
    expect(calls(fake, 'registerPerson')[0]!.args).to.deep.equal([
      { email: 'bert.claes@zonnedorp.be', role: 'provider' },
    ]);
    registered.resolve(NEW);
    await until(() => $(el, `[data-item="${NEW.id}"]`));
    expect(status(el, 'change')).to.equal(
      'bert.claes@zonnedorp.be is geregistreerd als dienstverlener.',
    );
    expect(active(el)).to.equal(item(el, NEW.id).querySelector('h3'));
    expect($(el, '#person-email-error')).to.equal(null);
    expect($<HTMLInputElement>(el, '#person-email')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('puts the collector’s field message by the address, and says a conflict', async () => {
    let answer: () => never = () => {
      throw new ApiError('invalid', 400, 'The person is not valid; see errors.', [
        { path: 'email', message: 'Give the e-mail address the person signs in with.' },
      ]);
    };
    const fake = new FakeApi({ people: () => [SELF], registerPerson: () => answer() });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#person-email')!.value = 'bert@-zonnedorp.be';
    $<HTMLInputElement>(el, '#person-role-manager')!.click();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#person-email-error'));
    expect(textOf($(el, '#person-email-error')!)).to.equal(
      'Fout: Give the e-mail address the person signs in with.',
    );
    expect(active(el)).to.equal($(el, '#person-email'));
    await expect(el).to.be.accessible();

    answer = () => {
      throw new ApiError('invalid', 409, 'bert@-zonnedorp.be is registered already.');
    };
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'change').includes('registered already'));
    expect(status(el, 'change')).to.equal(
      'Fout: Dit werd niet aanvaard. Pas het aan en probeer opnieuw: bert@-zonnedorp.be is registered already.',
    );
    expect(calls(fake, 'registerPerson')[1]!.args).to.deep.equal([
      { email: 'bert@-zonnedorp.be', role: 'manager' },
    ]);
  });

  it('removes a person after an in-page question, by keyboard', async () => {
    const fake = new FakeApi({ people: () => [SELF, NEW], removePerson: () => undefined });
    const el = await mounted(fake);
    await until(() => $(el, '.items'));
    item(el, NEW.id).querySelector<HTMLButtonElement>('button[data-remove]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, NEW.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, NEW.id).querySelector('.confirm p'));
    expect(textOf(item(el, NEW.id).querySelector('.confirm p')!)).to.equal(
      'Wilt u bert.claes@zonnedorp.be verwijderen? Die persoon kan zich niet meer aanmelden, een open sessie stopt meteen, en de webhooks en tokens die die persoon aanmaakte, werken niet meer.',
    );
    await expect(el).to.be.accessible();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !item(el, NEW.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, NEW.id).querySelector('button[data-remove]'));
    expect(calls(fake, 'removePerson')).to.have.length(0);
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, NEW.id).querySelector('button[data-confirm]'));
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !$(el, `[data-item="${NEW.id}"]`));
    expect(calls(fake, 'removePerson')[0]!.args).to.deep.equal([NEW.id]);
    expect(status(el, 'change')).to.equal('bert.claes@zonnedorp.be is verwijderd.');
    expect(active(el)).to.equal($(el, '#people-heading'));
  });

  it('says what went wrong when the list cannot be read, and loads again on request', async () => {
    let fail = true;
    const fake = new FakeApi({
      people: () => {
        if (fail) throw new ApiError('network', 0, 'offline');
        return [SELF];
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '.message.is-error'));
    expect(textOf($(el, '.message.is-error p')!)).to.equal(catalogs.nl.networkError);
    expect(textOf($(el, 'button[data-reload]')!)).to.equal('Opnieuw laden: Mensen');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, 'button[data-reload]')!.click();
    await until(() => $(el, '.items'));
    expect($(el, '.message.is-error')).to.equal(null);
  });

  it('asks nothing for someone who is not a manager', async () => {
    const fake = new FakeApi();
    await mounted(fake, { email: 'bert.claes@zonnedorp.be', role: 'provider' });
    expect(fake.calls).to.deep.equal([]);
  });
});
