import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AlertList } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { context, deferred, FakeApi, mount, textOf, until } from '../../test/fixtures.ts';
import { alert, alertList, themeAlert } from '../../test/alerts.ts';
import type { VoAlertNotice } from './vo-alert-notice.ts';

async function mounted(
  fake: FakeApi,
  language: 'nl' | 'fr' | 'en' = 'nl',
  role: 'provider' | 'steering' = 'provider',
) {
  const { el } = await mount<VoAlertNotice>(
    html`<vo-alert-notice
      .context=${context(fake, { language, role })}
      service-id="omgevingsloket"
    ></vo-alert-notice>`,
  );
  return el;
}

const $ = (el: VoAlertNotice, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);
const settled = (el: VoAlertNotice) => until(() => el.state !== 'loading');

describe('<vo-alert-notice>', () => {
  it('asks for the service’s alerts of the last 7 days and shows nothing without one', async () => {
    const answer = deferred<AlertList>();
    const fake = new FakeApi({ alerts: () => answer.promise });
    const el = await mounted(fake);
    expect(el.getAttribute('state')).to.equal('loading');
    await expect(el).to.be.accessible();
    expect(fake.calls.map((call) => call.args)).to.deep.equal([
      [{ serviceId: 'omgevingsloket', from: '2026-06-09', to: '2026-06-15' }],
    ]);
    answer.resolve(alertList([]));
    await settled(el);
    expect(el.getAttribute('state')).to.equal('none');
    expect(el.shadowRoot!.children.length === 0 || textOf(el) === '').to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('says in words what dropped, both shares with their intervals and days, and passes axe', async () => {
    const el = await mounted(new FakeApi({ alerts: () => alertList([alert()]) }));
    await settled(el);
    expect(el.getAttribute('state')).to.equal('shown');
    // The heading's words, read without the symbol beside them.
    expect(textOf($(el, 'h2 span:not(.symbol)')!)).to.equal(
      'Alarm: opvallende verandering deze week',
    );
    expect($(el, 'h2 .symbol')!.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, 'section')!.getAttribute('aria-labelledby')).to.equal($(el, 'h2')!.id);
    expect(textOf($(el, '[data-alert="satisfaction"]')!)).to.equal(
      'De tevredenheid is duidelijk gedaald: 33,3% tevreden (4 of 5) van 9 juni 2026 tot en met ' +
        '15 juni 2026 (95 %-interval 17,2% tot 55,0%, 21 antwoorden), tegenover 75,0% in de 8 ' +
        'weken daarvoor, van 14 april 2026 tot en met 8 juni 2026 (66,2% tot 82,0%, 112 ' +
        'antwoorden). Gemeld op 15 juni 2026.',
    );
    expect(textOf($(el, '[data-alert-why]')!)).to.equal(
      'De betrouwbaarheidsintervallen van beide periodes overlappen niet: het verschil is geen ' +
        'toeval van een paar antwoorden. Lees de opmerkingen van deze week om te zien wat er aan ' +
        'de hand is.',
    );
    await expect(el).to.be.accessible();
  });

  it('for steering: no invitation to read comments it cannot read, and a theme without its words', async () => {
    const fake = new FakeApi({ alerts: () => alertList([alert(), themeAlert({ theme: null })]) });
    const el = await mounted(fake, 'nl', 'steering');
    await settled(el);
    expect(el.getAttribute('state')).to.equal('shown');
    expect(textOf($(el, '[data-alert-why]')!)).to.equal(
      'De betrouwbaarheidsintervallen van beide periodes overlappen niet: het verschil is geen ' +
        'toeval van een paar antwoorden.',
    );
    expect(textOf($(el, '[data-alerts]')!)).not.to.contain('opmerkingen van deze week');
    expect(textOf($(el, '[data-alert="theme"]')!)).to.equal(
      'Een thema komt duidelijk vaker terug in de opmerkingen: in 66,7% ervan van 8 juni 2026 tot ' +
        'en met 14 juni 2026 (95 %-interval 45,4% tot 82,8%, 21 opmerkingen), tegenover 14,3% in ' +
        'de 8 weken daarvoor, van 13 april 2026 tot en met 7 juni 2026 (7,4% tot 25,7%, 56 ' +
        'opmerkingen). Welk thema het is, ziet alleen de dienstverlener: het zijn woorden van ' +
        'burgers. Gemeld op 14 juni 2026.',
    );
    await expect(el).to.be.accessible();
    for (const language of ['fr', 'en'] as const) {
      const other = await mounted(fake, language, 'steering');
      await settled(other);
      const text = textOf($(other, '[data-alerts]')!);
      expect(text).not.to.match(/Lisez les commentaires|Read this week/);
      expect(textOf($(other, '[data-alert="theme"]')!)).to.match(/^(Un thème|A theme) /);
      await expect(other).to.be.accessible();
    }
  });

  it('names a theme that rose, and shows the newest alert of each kind only', async () => {
    const older = alert({ day: '2026-06-13', raisedAt: '2026-06-13T08:00:00.000Z' });
    const fake = new FakeApi({ alerts: () => alertList([alert(), themeAlert(), older]) });
    const el = await mounted(fake);
    await settled(el);
    const paragraphs = [...el.shadowRoot!.querySelectorAll('[data-alert]')];
    expect(paragraphs.map((p) => p.getAttribute('data-alert'))).to.deep.equal([
      'satisfaction',
      'theme',
    ]);
    expect(textOf(paragraphs[0]!)).to.contain('Gemeld op 15 juni 2026.');
    expect(textOf(paragraphs[1]!)).to.equal(
      'Het thema „wachttijd” komt duidelijk vaker terug: in 66,7% van de opmerkingen van 8 juni ' +
        '2026 tot en met 14 juni 2026 (95 %-interval 45,4% tot 82,8%, 21 opmerkingen), tegenover ' +
        '14,3% in de 8 weken daarvoor, van 13 april 2026 tot en met 7 juni 2026 (7,4% tot 25,7%, ' +
        '56 opmerkingen). Gemeld op 14 juni 2026.',
    );
    await expect(el).to.be.accessible();
  });

  it('speaks French and English', async () => {
    const fr = await mounted(new FakeApi({ alerts: () => alertList([themeAlert()]) }), 'fr');
    await settled(fr);
    expect(textOf($(fr, 'h2')!)).to.contain('Alerte');
    expect(textOf($(fr, '[data-alert="theme"]')!)).to.contain('Le thème « wachttijd »');
    await expect(fr).to.be.accessible();
    const en = await mounted(new FakeApi({ alerts: () => alertList([alert()]) }), 'en');
    await settled(en);
    expect(textOf($(en, '[data-alert="satisfaction"]')!)).to.contain(
      'Satisfaction has clearly dropped: 33.3% satisfied',
    );
    await expect(en).to.be.accessible();
  });

  it('says when the alerts could not be loaded, and tries again', async () => {
    let calls = 0;
    const fake = new FakeApi({
      alerts: () => {
        calls += 1;
        if (calls === 1) throw new ApiError('server', 500, 'down');
        return alertList([alert()]);
      },
    });
    const el = await mounted(fake);
    await settled(el);
    expect(el.getAttribute('state')).to.equal('error');
    expect(textOf($(el, '[data-alerts-failed]')!)).to.equal(
      'De alarmen van deze dienst konden niet worden geladen. Opnieuw proberen',
    );
    // Said as a status (the report below is there all the same), the button outside it.
    const status = $(el, '[data-alerts-failed] [role="status"]')!;
    expect(textOf(status)).to.equal('De alarmen van deze dienst konden niet worden geladen.');
    expect(status.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
    const retry = $(el, 'button') as HTMLButtonElement;
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => el.state === 'shown');
    expect($(el, '[data-alert="satisfaction"]')).not.to.equal(null);
  });

  it('shows nothing when the collector has no alerts yet (404)', async () => {
    const fake = new FakeApi({
      alerts: () => {
        throw new ApiError('not-found', 404, 'There is nothing at /api/v1/alerts.');
      },
    });
    const el = await mounted(fake);
    await settled(el);
    expect(el.getAttribute('state')).to.equal('none');
    expect($(el, '[data-alerts-failed]')).to.equal(null);
  });
});
