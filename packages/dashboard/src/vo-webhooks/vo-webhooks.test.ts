import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DeliveryList, WebhookCreated, WebhookList } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { parseRoute, routeHash } from '../routes.ts';
import { navigation } from '../vo-dashboard/navigation.ts';
import { context, deferred, FakeApi, mount, SERVICES, textOf, until } from '../../test/fixtures.ts';
import { delivery, deliveryList, webhook, webhookList } from '../../test/webhooks.ts';
import type { VoWebhooks } from './vo-webhooks.ts';

const OWN = [SERVICES[0]!];

async function mounted(fake: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoWebhooks>(
    html`<vo-webhooks .context=${context(fake, { role })} .services=${OWN}></vo-webhooks>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoWebhooks, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoWebhooks, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const status = (el: VoWebhooks, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoWebhooks, id: string) => $(el, `[data-webhook="${id}"]`)!;
const fact = (root: Element, name: string) =>
  textOf(root.querySelector(`[data-figure="${name}"]`)!);
const active = (el: VoWebhooks) => el.shadowRoot!.activeElement;

const TICKETS = webhook('https://tickets.zonnedorp.be/hooks/vo?token=geheim', {
  events: ['feedback.created', 'feedback.low-rating'],
  serviceIds: ['omgevingsloket'],
  includeComment: true,
});
const CHAT = webhook('https://chat.zonnedorp.be/', {
  events: ['report.submitted', 'alert.raised'],
  failingSince: '2026-06-01T08:00:00.000Z',
  disabledAt: '2026-06-06T08:00:00.000Z',
  disabledReason: 'Every attempt failed for 5 days.',
});
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('<vo-webhooks>', () => {
  it('lists the webhooks in words, and passes axe loading, empty and listed', async () => {
    const answer = deferred<WebhookList>();
    const fake = new FakeApi({ webhooks: () => answer.promise });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('De webhooks worden geladen…');
    await expect(el).to.be.accessible();
    answer.resolve(webhookList([TICKETS, CHAT]));
    await until(() => $(el, '.webhooks'));
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h1')!)).to.equal('Webhooks');
    // Host and path only: the query may hold the receiver's own token.
    expect($$(el, '.webhook h3').map((h3) => textOf(h3))).to.deep.equal([
      'tickets.zonnedorp.be/hooks/vo',
      'chat.zonnedorp.be',
    ]);
    const tickets = item(el, TICKETS.id);
    expect(fact(tickets, 'events')).to.equal('nieuwe feedback, lage beoordeling (1–2)');
    expect(fact(tickets, 'services')).to.equal('Omgevingsloket');
    expect(fact(tickets, 'comment')).to.equal('Wordt meegestuurd (geredigeerd)');
    expect(tickets.querySelector('[data-disabled]')).to.equal(null);
    const chat = item(el, CHAT.id);
    expect(fact(chat, 'events')).to.equal('jaarrapport ingediend, alarm');
    expect(fact(chat, 'services')).to.equal('Alle diensten, ook latere');
    expect(fact(chat, 'comment')).to.equal('Wordt niet meegestuurd');
    expect(textOf(chat.querySelector('[data-disabled]')!)).to.match(
      /^Uitgeschakeld sinds .*2026.*: Every attempt failed for 5 days\. Herstel de ontvanger/,
    );
    expect(fake.calls.map((call) => call.method)).to.deep.equal(['webhooks']);

    const empty = await mounted(new FakeApi({ webhooks: () => webhookList([]) }));
    await until(() => $(empty, '[data-no-webhooks]'));
    expect(textOf($(empty, '[data-no-webhooks]')!)).to.equal(
      'Nog geen webhooks. Voeg hieronder de eerste toe.',
    );
    await expect(empty).to.be.accessible();
  });

  it('adds a webhook with the keyboard, sends the right body and shows the secret once', async () => {
    const created = deferred<WebhookCreated>();
    let lists = 0;
    const fake = new FakeApi({
      webhooks: () => webhookList(lists++ === 0 ? [] : [TICKETS]),
      createWebhook: () => created.promise,
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#webhook-url')!.focus();
    await userEvent.keyboard('https://tickets.zonnedorp.be/hooks/vo');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#event-0'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#service-0'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#webhook-comment'));
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'change') === 'Bezig met opslaan…');
    expect(fake.calls.find((c) => c.method === 'createWebhook')!.args).to.deep.equal([
      {
        url: 'https://tickets.zonnedorp.be/hooks/vo',
        events: ['feedback.created', 'feedback.low-rating'],
        serviceIds: ['omgevingsloket'],
        includeComment: true,
      },
    ]);

    created.resolve({ id: TICKETS.id, secret: SECRET });
    await until(() => $(el, '#webhook-secret'));
    expect(status(el, 'change')).to.equal(
      'De webhook naar tickets.zonnedorp.be/hooks/vo is toegevoegd. Kopieer nu de geheime sleutel.',
    );
    expect(active(el)).to.equal($(el, '#secret-heading'));
    const secret = $<HTMLInputElement>(el, '#webhook-secret')!;
    expect(secret.value).to.equal(SECRET);
    expect(secret.readOnly).to.equal(true);
    expect(textOf($(el, '#secret-note')!)).to.contain('maar één keer getoond');
    await until(() => $(el, '.webhooks'));
    await expect(el).to.be.accessible();
    // The form is empty again.
    expect($<HTMLInputElement>(el, '#webhook-url')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#event-0')!.checked).to.equal(false);

    // Dismissed, it is gone for good.
    $<HTMLButtonElement>(el, 'button[data-dismiss]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !$(el, '#webhook-secret'));
    expect(active(el)).to.equal($(el, '#webhooks-list-heading'));
  });

  it('copies the secret, or says how to copy it by hand', async () => {
    const fake = new FakeApi({
      webhooks: () => webhookList([]),
      createWebhook: () => ({ id: TICKETS.id, secret: SECRET }),
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#webhook-url')!.value = 'https://tickets.zonnedorp.be/hooks/vo';
    $<HTMLInputElement>(el, '#event-0')!.checked = true;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, 'button[data-copy]'));
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => ((copied = text), Promise.resolve()) },
    });
    try {
      $<HTMLButtonElement>(el, 'button[data-copy]')!.click();
      await until(() => status(el, 'change') === 'De sleutel is gekopieerd.');
      expect(copied).to.equal(SECRET);
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      $<HTMLButtonElement>(el, 'button[data-copy]')!.click();
      await until(() => status(el, 'change').startsWith('Fout:'));
      expect(status(el, 'change')).to.contain('Selecteer de sleutel in het veld');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('says what to fix: its own checks first, then the collector’s field messages', async () => {
    const fake = new FakeApi({
      webhooks: () => webhookList([]),
      createWebhook: () => {
        throw new ApiError('invalid', 400, 'The body is not valid; see errors.', [
          { path: 'url', message: 'Use https: the collector sends only to https URLs.' },
        ]);
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#webhook-url-error'));
    expect(status(el, 'change')).to.equal(
      'Fout: Vul het adres van de ontvanger in, bijvoorbeeld https://tickets.voorbeeld.be/hooks/vo.',
    );
    expect(textOf($(el, '#events-error')!)).to.equal('Fout: Kies minstens één gebeurtenis.');
    expect(active(el)).to.equal($(el, '#webhook-url'));
    expect($(el, '#webhook-url')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(fake.calls.some((c) => c.method === 'createWebhook')).to.equal(false);

    $<HTMLInputElement>(el, '#webhook-url')!.value = 'http://tickets.zonnedorp.be/hooks';
    $<HTMLInputElement>(el, '#event-1')!.checked = true;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => textOf($(el, '#webhook-url-error') ?? el).includes('Use https'));
    expect(status(el, 'change')).to.equal(
      'Fout: Use https: the collector sends only to https URLs.',
    );
    expect($(el, '#events-error')).to.equal(null);
    expect(active(el)).to.equal($(el, '#webhook-url'));
    await expect(el).to.be.accessible();
    expect(fake.calls.find((c) => c.method === 'createWebhook')!.args).to.deep.equal([
      {
        url: 'http://tickets.zonnedorp.be/hooks',
        events: ['feedback.low-rating'],
        includeComment: false,
      },
    ]);
  });

  it('deletes a webhook after an in-page question, by keyboard', async () => {
    const fake = new FakeApi({
      webhooks: () => webhookList([TICKETS, CHAT]),
      deleteWebhook: () => undefined,
    });
    const el = await mounted(fake);
    await until(() => $(el, '.webhooks'));
    item(el, TICKETS.id).querySelector<HTMLButtonElement>('button[data-delete]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, TICKETS.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, TICKETS.id).querySelector('.confirm p'));
    await expect(el).to.be.accessible();
    // No: focus back on the button, nothing sent.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !item(el, TICKETS.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, TICKETS.id).querySelector('button[data-delete]'));
    expect(fake.calls.some((c) => c.method === 'deleteWebhook')).to.equal(false);
    // Yes.
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, TICKETS.id).querySelector('button[data-confirm]'));
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => !$(el, `[data-webhook="${TICKETS.id}"]`));
    expect(fake.calls.find((c) => c.method === 'deleteWebhook')!.args).to.deep.equal([TICKETS.id]);
    expect(status(el, 'change')).to.equal(
      'De webhook naar tickets.zonnedorp.be/hooks/vo is verwijderd.',
    );
    expect(active(el)).to.equal($(el, '#webhooks-list-heading'));
  });

  it('opens the deliveries, says them in words and resends one', async () => {
    const answer = deferred<DeliveryList>();
    const FAILED = delivery(1, {
      event: 'alert.raised',
      status: 'failed',
      attempts: 8,
      lastStatusCode: 503,
      deliveredAt: null,
    });
    const PENDING = delivery(2, {
      event: 'report.submitted',
      status: 'pending',
      attempts: 2,
      lastStatusCode: null,
      lastError: 'connect ECONNREFUSED',
      nextAttemptAt: '2026-06-15T12:00:00.000Z',
      deliveredAt: null,
    });
    let lists = 0;
    const fake = new FakeApi({
      webhooks: () => webhookList(lists++ === 0 ? [CHAT] : [{ ...CHAT, disabledAt: null }]),
      deliveries: () => answer.promise,
      resendDelivery: () => undefined,
    });
    const el = await mounted(fake);
    await until(() => $(el, '.webhooks'));
    const toggle = item(el, CHAT.id).querySelector<HTMLButtonElement>('button[data-deliveries]')!;
    expect(textOf(toggle)).to.equal('Leveringen naar chat.zonnedorp.be');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => toggle.getAttribute('aria-expanded') === 'true');
    expect(textOf($(el, `#deliveries-${CHAT.id}`)!)).to.equal('De leveringen worden geladen…');
    answer.resolve(deliveryList(CHAT.id, [FAILED, PENDING]));
    await until(() => $(el, '.delivery'));
    await expect(el).to.be.accessible();
    const [failed, pending] = $$(el, '.delivery');
    expect(textOf(failed!.querySelector('h4')!)).to.match(/^alarm · /);
    expect(fact(failed!, 'status')).to.equal('Mislukt na alle pogingen');
    expect(fact(failed!, 'attempts')).to.equal('8');
    expect(fact(failed!, 'response')).to.equal('503');
    expect(failed!.querySelector('[data-figure="next"]')).to.equal(null);
    expect(fact(pending!, 'status')).to.equal('Wordt nog verstuurd');
    expect(fact(pending!, 'response')).to.equal('connect ECONNREFUSED');
    expect(fact(pending!, 'next')).to.match(/2026/);
    expect(fact(pending!, 'attempts')).to.equal('2');

    failed!.querySelector<HTMLButtonElement>('button[data-resend]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'change').startsWith('De levering “alarm”'));
    expect(fake.calls.find((c) => c.method === 'resendDelivery')!.args).to.deep.equal([
      CHAT.id,
      FAILED.id,
    ]);
    // The deliveries and the list are read again: the webhook is enabled once more.
    await until(() => !item(el, CHAT.id).querySelector('[data-disabled]'));
    expect(fake.calls.filter((c) => c.method === 'deliveries')).to.have.length(2);

    // Closed again with the same button.
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'false');
    expect($(el, `#deliveries-${CHAT.id}`)!.hidden).to.equal(true);
  });

  it('says what went wrong when the list cannot be read, and loads again on request', async () => {
    let fail = true;
    const fake = new FakeApi({
      webhooks: () => {
        if (fail) throw new ApiError('server', 502, 'Bad Gateway');
        return webhookList([TICKETS]);
      },
      deliveries: () => {
        throw new ApiError('network', 0, 'offline');
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '.message.is-error'));
    await expect(el).to.be.accessible();
    expect($(el, 'form')).to.equal(null);
    fail = false;
    $<HTMLButtonElement>(el, '.message.is-error button')!.click();
    await until(() => $(el, '.webhooks'));
    item(el, TICKETS.id).querySelector<HTMLButtonElement>('button[data-deliveries]')!.click();
    await until(() => item(el, TICKETS.id).querySelector('.deliveries .error'));
    await expect(el).to.be.accessible();
  });

  it('asks nothing for steering, and steering has no navigation entry', async () => {
    const fake = new FakeApi();
    const el = await mounted(fake, 'steering');
    expect(textOf(el)).to.contain('Webhooks horen bij een organisatie.');
    expect(fake.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const t = catalogs.nl;
    const links = (role: 'provider' | 'steering') => {
      const box = document.createElement('div');
      render(navigation(t, { view: 'webhooks' }, role), box);
      return [...box.querySelectorAll('a')].map((a) => [a.dataset.nav, a.getAttribute('href')]);
    };
    expect(links('steering')).to.deep.equal([
      ['services', '#/'],
      ['overview', '#/overzicht'],
    ]);
    expect(links('provider')).to.deep.equal([
      ['services', '#/'],
      ['overview', '#/overzicht'],
      ['webhooks', '#/webhooks'],
      ['subscriptions', '#/meldingen'],
    ]);
    expect(parseRoute(routeHash({ view: 'webhooks' }))).to.deep.equal({ view: 'webhooks' });
  });
});
