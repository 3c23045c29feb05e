// Who may change the webhooks: a token and a manager; a signed-in person who is not a manager
// sees them read-only (the collector refuses them with 403 `not-a-manager`).
import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { SignedInPerson } from '@vo-feedback/shared';
import type { Language } from '../i18n/catalogs.ts';
import { context, FakeApi, mount, SERVICES, textOf, until } from '../../test/fixtures.ts';
import { MANAGER } from '../../test/manage.ts';
import { delivery, deliveryList, webhook, webhookList } from '../../test/webhooks.ts';
import type { VoWebhooks } from './vo-webhooks.ts';

const OWN = [SERVICES[0]!];
const PROVIDER: SignedInPerson = { email: 'jan.claes@zonnedorp.be', role: 'provider' };
const TICKETS = webhook('https://tickets.zonnedorp.be/hooks/vo');
const SENT = delivery(1, {
  event: 'feedback.created',
  status: 'failed',
  lastStatusCode: 503,
  deliveredAt: null,
});

function api(webhooks = [TICKETS]) {
  return new FakeApi({
    webhooks: () => webhookList(webhooks),
    deliveries: () => deliveryList(TICKETS.id, [SENT]),
  });
}

async function mounted(
  fake: FakeApi,
  person: SignedInPerson | null | undefined,
  language: Language = 'nl',
) {
  const overrides = person === undefined ? { language } : { language, person };
  const { el } = await mount<VoWebhooks>(
    html`<vo-webhooks .context=${context(fake, overrides)} .services=${OWN}></vo-webhooks>`,
  );
  return el;
}

const $ = (el: VoWebhooks, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

/** Opens the deliveries of TICKETS and waits for them. */
async function openDeliveries(el: VoWebhooks) {
  await until(() => $(el, '.webhooks'));
  $(el, `[data-webhook="${TICKETS.id}"] button[data-deliveries]`)!.click();
  await until(() => $(el, '.delivery'));
}

describe('<vo-webhooks> and who may change them', () => {
  it('shows a signed-in provider the webhooks and deliveries read-only, and says who changes them', async () => {
    const fake = api();
    const el = await mounted(fake, PROVIDER);
    expect(textOf($(el, '[data-read-only]')!)).to.equal(
      'Een beheerder van uw organisatie voegt webhooks toe, verwijdert ze en verstuurt leveringen opnieuw.',
    );
    await openDeliveries(el);
    expect(textOf($(el, '.webhook h3')!)).to.equal('tickets.zonnedorp.be/hooks/vo');
    expect(textOf($(el, '.delivery [data-figure="response"]')!)).to.equal('503');
    // The deliveries stay a disclosure; nothing changes anything.
    expect($(el, 'button[data-deliveries]')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, 'form')).to.equal(null);
    expect($(el, '#webhook-url')).to.equal(null);
    expect($(el, 'button[data-delete]')).to.equal(null);
    expect($(el, 'button[data-resend]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(1);
    await expect(el).to.be.accessible();
    expect(fake.calls.map((call) => call.method)).to.deep.equal(['webhooks', 'deliveries']);
  });

  it('tells a signed-in provider without webhooks only that there are none', async () => {
    const el = await mounted(api([]), PROVIDER);
    await until(() => $(el, '[data-no-webhooks]'));
    // Not "add the first one below": there is nothing below to add it with.
    expect(textOf($(el, '[data-no-webhooks]')!)).to.equal('Nog geen webhooks.');
    expect($(el, '[data-read-only]')).not.to.equal(null);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says who changes them in French and English too', async () => {
    const fr = await mounted(api(), PROVIDER, 'fr');
    expect(textOf($(fr, '[data-read-only]')!)).to.equal(
      'Un gestionnaire de votre organisation ajoute et supprime les webhooks et renvoie les livraisons.',
    );
    const en = await mounted(api(), PROVIDER, 'en');
    expect(textOf($(en, '[data-read-only]')!)).to.equal(
      'A manager of your organisation adds or removes webhooks and resends their deliveries.',
    );
  });

  for (const [who, person] of [
    ['a manager', MANAGER],
    ['a token (no person)', null],
    ['a token (person absent)', undefined],
  ] as const) {
    it(`gives ${who} the form and the delete and resend buttons`, async () => {
      const el = await mounted(api(), person);
      await openDeliveries(el);
      expect($(el, '[data-read-only]')).to.equal(null);
      expect($(el, 'form #webhook-url')).not.to.equal(null);
      expect($(el, 'form button[type="submit"]')).not.to.equal(null);
      expect($(el, `[data-webhook="${TICKETS.id}"] button[data-delete]`)).not.to.equal(null);
      expect($(el, '.delivery button[data-resend]')).not.to.equal(null);
    });
  }
});
