import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Subscription, SubscriptionList } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { parseRoute, routeHash } from '../routes.ts';
import { navigation } from '../vo-dashboard/navigation.ts';
import { context, deferred, FakeApi, mount, SERVICES, textOf, until } from '../../test/fixtures.ts';
import { MANAGER } from '../../test/manage.ts';
import { subscription, subscriptionList } from '../../test/subscriptions.ts';
import type { VoSubscriptions } from './vo-subscriptions.ts';

const OWN = [SERVICES[0]!, { ...SERVICES[0]!, id: 'parkeerkaart', name: 'Parkeerkaart aanvragen' }];

async function mounted(fake: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoSubscriptions>(
    html`<vo-subscriptions
      .context=${context(fake, { role })}
      .services=${OWN}
    ></vo-subscriptions>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoSubscriptions, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoSubscriptions, selector: string) => [
  ...el.shadowRoot!.querySelectorAll(selector),
];
const status = (el: VoSubscriptions, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoSubscriptions, id: string) => $(el, `[data-subscription="${id}"]`)!;
const fact = (root: Element, name: string) =>
  textOf(root.querySelector(`[data-figure="${name}"]`)!);
const active = (el: VoSubscriptions) => el.shadowRoot!.activeElement;
const calls = (fake: FakeApi, method: string) => fake.calls.filter((c) => c.method === method);

const TEAM = subscription('team.loket@zonnedorp.be', { serviceIds: ['parkeerkaart'] });
const CHIEF = subscription('diensthoofd@zonnedorp.be', { frequency: 'alerts' });
const MONTHLY = subscription('kwaliteit@zonnedorp.be', {
  frequency: 'monthly',
  serviceIds: ['omgevingsloket', 'parkeerkaart'],
});

describe('<vo-subscriptions>', () => {
  it('lists who gets what in words, says what a digest holds, and passes axe', async () => {
    const answer = deferred<SubscriptionList>();
    const fake = new FakeApi({ subscriptions: () => answer.promise });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('De meldingen per e-mail worden geladen…');
    await expect(el).to.be.accessible();
    answer.resolve(subscriptionList([TEAM, CHIEF, MONTHLY]));
    await until(() => $(el, '.subscriptions'));
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h1')!)).to.equal('Meldingen per e-mail');
    expect(status(el, 'load')).to.equal('');
    // One sentence: figures only, never a comment, an unsubscribe link in every mail.
    expect(textOf($(el, '[data-digest]')!)).to.match(
      /^Een overzicht bevat alleen cijfers .* nooit de tekst van een opmerking; elke mail heeft een link om zich met één klik uit te schrijven\.$/,
    );
    expect($$(el, '.subscription h3').map((h3) => textOf(h3))).to.deep.equal([
      'team.loket@zonnedorp.be',
      'diensthoofd@zonnedorp.be',
      'kwaliteit@zonnedorp.be',
    ]);
    expect(fact(item(el, TEAM.id), 'what')).to.equal('wekelijks overzicht');
    expect(fact(item(el, TEAM.id), 'services')).to.equal('Parkeerkaart aanvragen');
    expect(fact(item(el, CHIEF.id), 'what')).to.equal('alleen alarmen');
    expect(fact(item(el, CHIEF.id), 'services')).to.equal('Alle diensten, ook latere');
    expect(fact(item(el, MONTHLY.id), 'what')).to.equal('maandelijks overzicht');
    expect(fact(item(el, MONTHLY.id), 'services')).to.equal(
      'Omgevingsloket, Parkeerkaart aanvragen',
    );
    expect(fact(item(el, MONTHLY.id), 'since')).to.match(/2026/);
    // Each button says whom it unsubscribes.
    expect(textOf(item(el, CHIEF.id).querySelector('button[data-delete]')!)).to.equal(
      'Uitschrijven: diensthoofd@zonnedorp.be, alleen alarmen',
    );
    expect(calls(fake, 'subscriptions')).to.have.length(1);

    const empty = await mounted(new FakeApi({ subscriptions: () => subscriptionList([]) }));
    await until(() => $(empty, '[data-no-subscriptions]'));
    expect(textOf($(empty, '[data-no-subscriptions]')!)).to.equal(
      'Nog niemand krijgt meldingen per e-mail. Schrijf hieronder iemand in.',
    );
    await expect(empty).to.be.accessible();
  });

  it('subscribes an address to chosen services with the keyboard alone', async () => {
    const created = deferred<Subscription>();
    const fake = new FakeApi({
      subscriptions: () => subscriptionList([CHIEF]),
      createSubscription: () => created.promise,
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#subscription-email')!.focus();
    await userEvent.keyboard('team.loket@zonnedorp.be');
    // Into the radio group: the first choice, then arrows pick (as with any radio group).
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#frequency-weekly'));
    await userEvent.keyboard('{ArrowDown}');
    expect($<HTMLInputElement>(el, '#frequency-monthly')!.checked).to.equal(true);
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#services-all'));
    expect($(el, '#services-picked')!.hidden).to.equal(true);
    await userEvent.keyboard('{ArrowDown}');
    await until(() => $(el, '#service-0'));
    expect($(el, '#services-picked')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#service-0'));
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, 'button[type="submit"]'));
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'change') === 'Bezig met opslaan…');
    await expect(el).to.be.accessible();
    expect(calls(fake, 'createSubscription')[0]!.args).to.deep.equal([
      {
        email: 'team.loket@zonnedorp.be',
        frequency: 'monthly',
        serviceIds: ['parkeerkaart'],
      },
    ]);

    const TEAM_MONTHLY = subscription('team.loket@zonnedorp.be', {
      frequency: 'monthly',
      serviceIds: ['parkeerkaart'],
    });
    created.resolve(TEAM_MONTHLY);
    await until(() => $(el, `[data-subscription="${TEAM_MONTHLY.id}"]`));
    expect(status(el, 'change')).to.equal(
      'team.loket@zonnedorp.be is ingeschreven: maandelijks overzicht.',
    );
    expect(active(el)).to.equal(item(el, TEAM_MONTHLY.id).querySelector('h3'));
    await expect(el).to.be.accessible();
    // The form is empty again, back on all services.
    expect($<HTMLInputElement>(el, '#subscription-email')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#frequency-monthly')!.checked).to.equal(false);
    expect($<HTMLInputElement>(el, '#services-all')!.checked).to.equal(true);
    expect($(el, '#services-picked')!.hidden).to.equal(true);
  });

  it('says what to fix: its own checks first, then the collector’s field message', async () => {
    const fake = new FakeApi({
      subscriptions: () => subscriptionList([]),
      createSubscription: () => {
        throw new ApiError('invalid', 400, 'The body is not valid; see errors.', [
          { path: 'email', message: 'Give an e-mail address of a staff member.' },
        ]);
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#subscription-email-error'));
    expect(status(el, 'change')).to.equal(
      'Fout: Vul een e-mailadres in, bijvoorbeeld team.loket@gent.be.',
    );
    expect(textOf($(el, '#frequency-error')!)).to.equal('Fout: Kies wat dit adres krijgt.');
    expect(active(el)).to.equal($(el, '#subscription-email'));
    const email = $(el, '#subscription-email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal(
      'subscription-email-error subscription-email-hint',
    );
    await expect(el).to.be.accessible();

    // An address without a domain; a chosen set without a service.
    $<HTMLInputElement>(el, '#subscription-email')!.value = 'team.loket';
    $<HTMLInputElement>(el, '#frequency-alerts')!.click();
    $<HTMLInputElement>(el, '#services-chosen')!.click();
    await until(() => $(el, '#service-0'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#services-error'));
    expect(textOf($(el, '#subscription-email-error')!)).to.equal(
      'Fout: Vul een volledig e-mailadres in, met @ en een domein, bijvoorbeeld team.loket@gent.be.',
    );
    expect($(el, '#frequency-error')).to.equal(null);
    expect(textOf($(el, '#services-error')!)).to.equal(
      'Fout: Kruis minstens één dienst aan, of kies alle diensten.',
    );
    await expect(el).to.be.accessible();
    expect(calls(fake, 'createSubscription')).to.have.length(0);

    // The collector refuses the address: its message sits by the field, which takes focus.
    $<HTMLInputElement>(el, '#subscription-email')!.value = 'team@loket.zonnedorp';
    $<HTMLInputElement>(el, '#services-all')!.click();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => textOf($(el, '#subscription-email-error') ?? el).includes('staff member'));
    expect(status(el, 'change')).to.equal('Fout: Give an e-mail address of a staff member.');
    expect($(el, '#services-error')).to.equal(null);
    expect(active(el)).to.equal($(el, '#subscription-email'));
    await expect(el).to.be.accessible();
    expect(calls(fake, 'createSubscription')[0]!.args).to.deep.equal([
      { email: 'team@loket.zonnedorp', frequency: 'alerts' },
    ]);
  });

  it('says a refusal that names no field, like a second subscription of the same kind', async () => {
    const fake = new FakeApi({
      subscriptions: () => subscriptionList([TEAM]),
      createSubscription: () => {
        throw new ApiError(
          'invalid',
          409,
          'team.loket@zonnedorp.be has a weekly subscription already.',
        );
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#subscription-email')!.value = 'team.loket@zonnedorp.be';
    $<HTMLInputElement>(el, '#frequency-weekly')!.click();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'change').startsWith('Fout:'));
    expect(status(el, 'change')).to.equal(
      'Fout: Niet opgeslagen. Dit werd niet aanvaard. Pas het aan en probeer opnieuw: team.loket@zonnedorp.be has a weekly subscription already.',
    );
    expect($(el, '[data-status="change"]')!.className).to.equal('error');
    // What was typed stays, to change it.
    expect($<HTMLInputElement>(el, '#subscription-email')!.value).to.equal(
      'team.loket@zonnedorp.be',
    );
    await expect(el).to.be.accessible();
  });

  it('unsubscribes after an in-page question, by keyboard', async () => {
    const fake = new FakeApi({
      subscriptions: () => subscriptionList([TEAM, CHIEF]),
      deleteSubscription: () => undefined,
    });
    const el = await mounted(fake);
    await until(() => $(el, '.subscriptions'));
    item(el, CHIEF.id).querySelector<HTMLButtonElement>('button[data-delete]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, CHIEF.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, CHIEF.id).querySelector('.confirm p'));
    expect(textOf(item(el, CHIEF.id).querySelector('.confirm p')!)).to.equal(
      'Wilt u diensthoofd@zonnedorp.be uitschrijven (alleen alarmen)? Er wordt niets meer naartoe gestuurd, ook geen mail die al klaarstaat.',
    );
    await expect(el).to.be.accessible();
    // No: focus back on the button, nothing sent.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !item(el, CHIEF.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, CHIEF.id).querySelector('button[data-delete]'));
    expect(calls(fake, 'deleteSubscription')).to.have.length(0);
    // Yes.
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, CHIEF.id).querySelector('button[data-confirm]'));
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !$(el, `[data-subscription="${CHIEF.id}"]`));
    expect(calls(fake, 'deleteSubscription')[0]!.args).to.deep.equal([CHIEF.id]);
    expect(status(el, 'change')).to.equal(
      'diensthoofd@zonnedorp.be is uitgeschreven (alleen alarmen).',
    );
    expect(active(el)).to.equal($(el, '#subscriptions-list-heading'));
    await expect(el).to.be.accessible();
  });

  it('says what went wrong when the list cannot be read or a deletion fails', async () => {
    let fail = true;
    const fake = new FakeApi({
      subscriptions: () => {
        if (fail) throw new ApiError('server', 502, 'Bad Gateway');
        return subscriptionList([TEAM]);
      },
      deleteSubscription: () => {
        throw new ApiError('network', 0, 'offline');
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '.message.is-error'));
    expect(textOf($(el, '.message.is-error p')!)).to.equal(catalogs.nl.serverError);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '.message.is-error button')!.click();
    await until(() => $(el, '.subscriptions'));
    expect($(el, '.message.is-error')).to.equal(null);

    item(el, TEAM.id).querySelector<HTMLButtonElement>('button[data-delete]')!.click();
    await until(() => item(el, TEAM.id).querySelector('button[data-confirm]'));
    item(el, TEAM.id).querySelector<HTMLButtonElement>('button[data-confirm]')!.click();
    await until(() => status(el, 'change').startsWith('Fout:'));
    expect(status(el, 'change')).to.equal(`Fout: ${catalogs.nl.networkError}`);
    // Still listed, the question still open to try again.
    expect(item(el, TEAM.id).querySelector('.confirm')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without scrolling sideways, with the services chosen and a question open', async () => {
    const fake = new FakeApi({ subscriptions: () => subscriptionList([TEAM, MONTHLY]) });
    const { el: box } = await mount<HTMLDivElement>(
      html`<div style="width: 320px; overflow: auto; position: relative">
        <vo-subscriptions .context=${context(fake)} .services=${OWN}></vo-subscriptions>
      </div>`,
    );
    const el = box.querySelector('vo-subscriptions')!;
    await until(() => $(el, '.subscriptions'));
    $<HTMLInputElement>(el, '#services-chosen')!.click();
    item(el, MONTHLY.id).querySelector<HTMLButtonElement>('button[data-delete]')!.click();
    await until(() => $(el, '.confirm') && $(el, '#service-1'));
    // The box scrolls: anything wider than 320 px inside it makes it scroll sideways.
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });

  it('speaks French and English too', async () => {
    const fake = new FakeApi({ subscriptions: () => subscriptionList([CHIEF]) });
    for (const [language, what] of [
      ['fr', 'alertes uniquement'],
      ['en', 'alerts only'],
    ] as const) {
      const { el } = await mount<VoSubscriptions>(
        html`<vo-subscriptions
          .context=${context(fake, { language })}
          .services=${OWN}
        ></vo-subscriptions>`,
      );
      await until(() => $(el, '.subscriptions'));
      expect(textOf($(el, 'h1')!)).to.equal(catalogs[language].subscriptionsHeading);
      expect(fact(item(el, CHIEF.id), 'what')).to.equal(what);
    }
  });

  it('asks nothing for steering; the navigation offers it to providers and managers', async () => {
    const fake = new FakeApi();
    const el = await mounted(fake, 'steering');
    expect(textOf(el)).to.contain('Meldingen per e-mail horen bij een organisatie.');
    expect(fake.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const t = catalogs.nl;
    const links = (role: 'provider' | 'steering', person: typeof MANAGER | null = null) => {
      const box = document.createElement('div');
      render(navigation(t, { view: 'subscriptions' }, role, person), box);
      return [...box.querySelectorAll('a')].map((a) => a.dataset.nav);
    };
    expect(links('steering')).to.deep.equal(['services', 'overview']);
    expect(links('provider')).to.deep.equal(['services', 'overview', 'webhooks', 'subscriptions']);
    expect(links('provider', MANAGER)).to.deep.equal([
      'services',
      'overview',
      'webhooks',
      'subscriptions',
      'manage',
    ]);
    expect(routeHash({ view: 'subscriptions' })).to.equal('#/meldingen');
    expect(parseRoute('#/meldingen')).to.deep.equal({ view: 'subscriptions' });
  });
});
