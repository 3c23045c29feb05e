import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { catalogs } from '../i18n/catalogs.ts';
import { parseRoute, routeHash } from '../routes.ts';
import { context, FakeApi, mount, SERVICES, textOf, until } from '../../test/fixtures.ts';
import { adminService, MANAGER, person, tokenInfo } from '../../test/manage.ts';
import type { VoOrganisation } from './vo-organisation.ts';

const OWN = [SERVICES[0]!];

function managerApi() {
  return new FakeApi({
    adminServices: () => [adminService('omgevingsloket', 'Omgevingsloket')],
    people: () => [person(MANAGER.email, { role: 'manager', bound: true })],
    tokens: () => [tokenInfo('rapportering')],
  });
}

async function mounted(fake: FakeApi, who: typeof MANAGER | null = MANAGER, width = '') {
  const { el } = await mount<HTMLElement>(
    html`<div style=${width ? `width: ${width}; overflow: auto; position: relative` : ''}>
      <vo-organisation
        .context=${context(fake, { person: who })}
        .services=${OWN}
      ></vo-organisation>
    </div>`,
  );
  return { box: el, el: el.querySelector('vo-organisation') as VoOrganisation };
}

/** The element of each section, by tag name. */
const section = (el: VoOrganisation, tag: string) =>
  el.shadowRoot!.querySelector(tag) as HTMLElement & { shadowRoot: ShadowRoot };

describe('<vo-organisation>', () => {
  it('runs the organisation in three sections, each with its own heading and status', async () => {
    const fake = managerApi();
    const { el } = await mounted(fake);
    expect(textOf(el.shadowRoot!.querySelector('h1')!)).to.equal('Organisatie beheren');
    expect(textOf(el.shadowRoot!.querySelector('h1 + p')!)).to.equal(
      'U bent beheerder van Stad Zonnedorp: u beheert hier de diensten, de mensen en de tokens van uw organisatie.',
    );
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#/webhooks');
    const tags = ['vo-service-settings', 'vo-people', 'vo-tokens'];
    await until(() => tags.every((tag) => section(el, tag).shadowRoot.querySelector('.items')));
    expect(
      tags.map((tag) => textOf(section(el, tag).shadowRoot.querySelector('h2')!)),
    ).to.deep.equal(['Diensten', 'Mensen', 'Tokens']);
    for (const tag of tags) {
      expect(section(el, tag).shadowRoot.querySelectorAll('[role="status"]')).to.have.length(2);
    }
    expect(fake.calls.map((c) => c.method).sort()).to.deep.equal([
      'adminServices',
      'people',
      'tokens',
    ]);
    await expect(el).to.be.accessible();
  });

  it('tells anyone but a manager who can do this, and asks nothing', async () => {
    for (const who of [null, { email: 'bert.claes@zonnedorp.be', role: 'provider' as const }]) {
      const fake = managerApi();
      const { el } = await mounted(fake, who);
      expect(textOf(el)).to.contain(catalogs.nl.manageNotManager);
      expect(el.shadowRoot!.querySelector('vo-people')).to.equal(null);
      expect(fake.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    }
    expect(routeHash({ view: 'manage' })).to.equal('#/beheer');
    expect(parseRoute('#/beheer')).to.deep.equal({ view: 'manage' });
  });

  it('fits 320 px without scrolling sideways, with a settings panel open', async () => {
    const { box, el } = await mounted(managerApi(), MANAGER, '320px');
    const services = section(el, 'vo-service-settings');
    await until(() => services.shadowRoot.querySelector('button[data-edit]'));
    services.shadowRoot.querySelector<HTMLButtonElement>('button[data-edit]')!.click();
    await until(() => services.shadowRoot.querySelector('#settings-origins'));
    services.shadowRoot.querySelector<HTMLInputElement>('#reasons-own')!.click();
    await until(() => services.shadowRoot.querySelector('#reason-0-code'));
    await until(() => section(el, 'vo-tokens').shadowRoot.querySelector('.items'));
    // The box scrolls: anything wider than 320 px inside it makes it scroll sideways.
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });
});
