import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError } from '../api.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { mount, SERVICES, until } from '../../test/fixtures.ts';
import type { VoSignIn } from './vo-sign-in.ts';

const t = catalogs.nl;

async function mounted(services: (token: string) => Promise<typeof SERVICES>) {
  return mount<VoSignIn>(
    html`<vo-sign-in
      .messages=${t}
      .connect=${(token: string) => ({ services: () => services(token) })}
    ></vo-sign-in>`,
    'vo-signed-in',
  );
}

const field = (el: VoSignIn) => el.shadowRoot!.querySelector<HTMLInputElement>('#token')!;

describe('<vo-sign-in>', () => {
  it('passes axe where the collector signs people in with OpenID Connect, and offers only that', async () => {
    for (const language of ['nl', 'fr', 'en'] as const) {
      const el = await fixture<VoSignIn>(
        html`<vo-sign-in .messages=${catalogs[language]} .oidc=${true}></vo-sign-in>`,
      );
      await expect(el).to.be.accessible();
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.button')!;
      expect(link.textContent!.trim()).to.equal(catalogs[language].oidcSignIn);
      expect(link.getAttribute('href')).to.equal('/auth/login');
      const hint = el.shadowRoot!.querySelector(`#${link.getAttribute('aria-describedby')}`)!;
      expect(hint.textContent).to.equal(catalogs[language].oidcSignInHint);
      // People sign in as themselves: no token field beside it.
      expect(el.shadowRoot!.querySelector('input, form')).to.equal(null);
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal(
        catalogs[language].signInHeading,
      );
    }
    expect(catalogs.nl.oidcSignIn).to.equal('Aanmelden');
  });

  it('reaches the issuer’s sign-in by keyboard, with a visible focus ring', async () => {
    const el = await fixture<VoSignIn>(
      html`<vo-sign-in .messages=${t} .oidc=${true}></vo-sign-in>`,
    );
    await userEvent.tab();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.button')!;
    expect(el.shadowRoot!.activeElement).to.equal(link);
    const ring = getComputedStyle(link);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineWidth).to.equal('3px');
  });

  it('passes axe, with and without an error', async () => {
    const { el } = await mounted(async () => SERVICES);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => el.shadowRoot!.querySelector('#token-error'));
    await expect(el).to.be.accessible();
  });

  it('asks for the token when none is given, tied to the field, and focuses it', async () => {
    const { el, events } = await mounted(async () => SERVICES);
    field(el).focus();
    await userEvent.keyboard('{Enter}');
    const error = await until(() => el.shadowRoot!.querySelector('#token-error'));
    expect(error.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Fout: ${t.tokenMissing}`);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(field(el).getAttribute('aria-describedby')).to.equal('token-error token-hint');
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    expect(events).to.deep.equal([]);
  });

  it('says what to do with a token the collector does not know', async () => {
    const { el, events } = await mounted(async () => {
      throw new ApiError('unauthorized', 401, 'Unauthorized');
    });
    field(el).focus();
    await userEvent.keyboard('vof_fout{Enter}');
    const error = await until(() => el.shadowRoot!.querySelector('#token-error'));
    expect(error.textContent).to.contain(t.tokenWrong);
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    expect(events).to.deep.equal([]);
  });

  it('hands the accepted token and its services to the dashboard, and clears the field', async () => {
    const asked: string[] = [];
    const { el, events } = await mounted(async (token) => {
      asked.push(token);
      return SERVICES;
    });
    field(el).focus();
    await userEvent.keyboard('  vof_goed  {Enter}');
    await until(() => events.length > 0);
    expect(asked).to.deep.equal(['vof_goed']);
    expect(events[0]!.detail).to.deep.equal({ token: 'vof_goed', services: SERVICES });
    expect(field(el).value).to.equal('');
  });
});
