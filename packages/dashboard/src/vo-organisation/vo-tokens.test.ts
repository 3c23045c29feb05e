import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { TokenCreated, TokenInfo } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { context, deferred, FakeApi, mount, textOf, until } from '../../test/fixtures.ts';
import { MANAGER, tokenInfo } from '../../test/manage.ts';
import type { VoTokens } from './vo-organisation.ts';

async function mounted(fake: FakeApi) {
  const { el } = await mount<VoTokens>(
    html`<vo-tokens .context=${context(fake, { person: MANAGER })}></vo-tokens>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoTokens, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const status = (el: VoTokens, name: string) => textOf($(el, `[data-status="${name}"]`)!);
const item = (el: VoTokens, id: string) => $(el, `[data-item="${id}"]`)!;
const fact = (root: Element, name: string) =>
  textOf(root.querySelector(`[data-figure="${name}"]`)!);
const active = (el: VoTokens) => el.shadowRoot!.activeElement;
const calls = (fake: FakeApi, method: string) => fake.calls.filter((c) => c.method === method);

const REPORTS = tokenInfo('rapportering team omgeving');
const PHONE = tokenInfo('contactcentrum', { role: 'ingest' });
const OLD = tokenInfo('oud script', { revokedAt: '2026-05-01T10:00:00.000Z' });
const TOKEN = 'vof_4tW1m9bQeXq2PZ8dY0rLkC7sNvF3hJ6uA5oGiE1yTzB';

describe('<vo-tokens>', () => {
  it('lists the tokens with what they may do in words, and passes axe', async () => {
    const answer = deferred<TokenInfo[]>();
    const fake = new FakeApi({ tokens: () => answer.promise });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('De tokens worden geladen…');
    await expect(el).to.be.accessible();
    answer.resolve([REPORTS, PHONE, OLD]);
    await until(() => $(el, '.items'));
    await expect(el).to.be.accessible();
    expect(fact(item(el, REPORTS.id), 'role')).to.equal('Lezen: cijfers en opmerkingen');
    expect(fact(item(el, REPORTS.id), 'status')).to.equal('Actief');
    expect(fact(item(el, PHONE.id), 'role')).to.equal('Feedback insturen (contactcentrum)');
    expect(fact(item(el, OLD.id), 'status')).to.match(/^Ingetrokken op .*2026/);
    expect(item(el, OLD.id).querySelector('button')).to.equal(null);
    expect(textOf(item(el, PHONE.id).querySelector('button[data-remove]')!)).to.equal(
      'Intrekken: contactcentrum',
    );

    const empty = await mounted(new FakeApi({ tokens: () => [] }));
    await until(() => $(empty, '[data-empty]'));
    expect(textOf($(empty, '[data-empty]')!)).to.equal('Uw organisatie heeft nog geen tokens.');
    await expect(empty).to.be.accessible();
  });

  it('makes a token with the keyboard and shows it once, copyable', async () => {
    const created = deferred<TokenCreated>();
    let lists = 0;
    const fake = new FakeApi({
      tokens: () => (lists++ === 0 ? [] : [PHONE]),
      createToken: () => created.promise,
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#token-label-error'));
    expect(status(el, 'change')).to.equal(
      'Fout: Geef het token een naam, bijvoorbeeld rapportering team omgeving.',
    );
    expect(textOf($(el, '#token-role-error')!)).to.equal('Fout: Kies wat het token mag.');
    expect(active(el)).to.equal($(el, '#token-label'));
    await expect(el).to.be.accessible();

    await userEvent.keyboard('contactcentrum');
    await userEvent.tab();
    expect(active(el)).to.equal($(el, '#token-role-provider'));
    await userEvent.keyboard('{ArrowDown}');
    expect($<HTMLInputElement>(el, '#token-role-ingest')!.checked).to.equal(true);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'change') === 'Bezig met opslaan…');
    expect(calls(fake, 'createToken')[0]!.args).to.deep.equal([
      { label: 'contactcentrum', role: 'ingest' },
    ]);

    created.resolve({ id: PHONE.id, token: TOKEN });
    await until(() => $(el, '#token-secret'));
    expect(status(el, 'change')).to.equal(
      'Het token „contactcentrum” is aangemaakt. Kopieer het nu.',
    );
    expect(active(el)).to.equal($(el, '#token-secret-heading'));
    const secret = $<HTMLInputElement>(el, '#token-secret')!;
    expect(secret.value).to.equal(TOKEN);
    expect(secret.readOnly).to.equal(true);
    expect(textOf($(el, '#token-secret-note')!)).to.contain('maar één keer getoond');
    await until(() => $(el, `[data-item="${PHONE.id}"]`));
    await expect(el).to.be.accessible();
    expect($<HTMLInputElement>(el, '#token-label')!.value).to.equal('');

    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => ((copied = text), Promise.resolve()) },
    });
    try {
      $<HTMLButtonElement>(el, 'button[data-copy]')!.focus();
      await userEvent.keyboard('{Enter}');
      await until(() => status(el, 'change') === 'Het token is gekopieerd.');
      expect(copied).to.equal(TOKEN);
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      $<HTMLButtonElement>(el, 'button[data-copy]')!.click();
      await until(() => status(el, 'change').startsWith('Fout:'));
      expect(status(el, 'change')).to.contain('Selecteer het token in het veld');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }

    // Dismissed, it is gone for good.
    $<HTMLButtonElement>(el, 'button[data-dismiss]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !$(el, '#token-secret'));
    expect(active(el)).to.equal($(el, '#tokens-heading'));
  });

  it('revokes a token after an in-page question; it stays listed as revoked', async () => {
    let revoked = false;
    const fake = new FakeApi({
      tokens: () => [revoked ? { ...REPORTS, revokedAt: '2026-06-15T10:00:00.000Z' } : REPORTS],
      revokeToken: () => {
        revoked = true;
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '.items'));
    item(el, REPORTS.id).querySelector<HTMLButtonElement>('button[data-remove]')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => item(el, REPORTS.id).querySelector('.confirm'));
    expect(active(el)).to.equal(item(el, REPORTS.id).querySelector('.confirm p'));
    expect(textOf(item(el, REPORTS.id).querySelector('.confirm p')!)).to.contain(
      'Elk systeem dat het gebruikt, wordt meteen geweigerd.',
    );
    await expect(el).to.be.accessible();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(
      () => status(el, 'change') === 'Het token „rapportering team omgeving” is ingetrokken.',
    );
    expect(calls(fake, 'revokeToken')[0]!.args).to.deep.equal([REPORTS.id]);
    await until(() => fact(item(el, REPORTS.id), 'status').startsWith('Ingetrokken op'));
    expect(item(el, REPORTS.id).querySelector('button')).to.equal(null);
    expect(active(el)).to.equal(item(el, REPORTS.id).querySelector('h3'));
    await expect(el).to.be.accessible();
  });

  it('says why a token was refused', async () => {
    const fake = new FakeApi({
      tokens: () => [],
      createToken: () => {
        throw new ApiError('invalid', 400, 'The token request is not valid; see errors.', [
          { path: 'label', message: 'Give the token a label.' },
        ]);
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, 'form'));
    $<HTMLInputElement>(el, '#token-label')!.value = ' x ';
    $<HTMLInputElement>(el, '#token-role-provider')!.click();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#token-label-error'));
    expect(textOf($(el, '#token-label-error')!)).to.equal('Fout: Give the token a label.');
    expect(active(el)).to.equal($(el, '#token-label'));
    expect($(el, '#token-secret')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
