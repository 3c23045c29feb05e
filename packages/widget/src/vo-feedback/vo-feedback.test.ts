import { expect, fixture, html } from '@open-wc/testing';
import { afterEach, describe, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { flushQueue } from '../delivery.ts';
import {
  button,
  collector,
  comment,
  focused,
  heading,
  part,
  queue,
  radios,
  rate,
  statusText,
  textarea,
  until,
  widget,
} from '../../test/helpers.ts';
import type { VoFeedbackRatedDetail, VoFeedbackSubmittedDetail } from './vo-feedback.ts';

const NL_OPTIONS = ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden'];

/** The answers the widget posts, read from a spy that lets every request through. */
function postedBodies(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls
    .filter(([url]) => String(url).endsWith('/api/v1/feedback'))
    .map(([, init]) => JSON.parse((init as RequestInit).body as string));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('accessibility: axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules', () => {
  it('runs the WCAG 2.2 rules: two 10 px targets side by side fail target-size', async () => {
    const el = await fixture(
      html`<div>
        <button style="all: unset; display: inline-block; width: 10px; height: 10px">a</button
        ><button style="all: unset; display: inline-block; width: 10px; height: 10px">b</button>
      </div>`,
    );
    await expect(el).not.to.be.accessible();
  });

  it('passes in the initial state', async () => {
    const el = await widget();
    await expect(el).to.be.accessible();
  });

  for (const lang of ['nl', 'fr', 'en', 'de']) {
    it(`passes in the initial state in ${lang}`, async () => {
      const el = await widget(
        html`<vo-feedback
          service-id=${collector.serviceId}
          endpoint=${collector.url}
          lang=${lang}
        ></vo-feedback>`,
      );
      expect(part(el, 'section').lang).to.equal(lang);
      await expect(el).to.be.accessible();
    });
  }

  it('passes with the rating error shown', async () => {
    const el = await widget();
    button(el).click();
    await until(() => part(el, '#error'));
    await expect(el).to.be.accessible();
  });

  it('passes once rated (the comment step), with a privacy link and heading level 3', async () => {
    const el = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        privacy-url="/privacy"
        heading-level="3"
      ></vo-feedback>`,
    );
    await rate(el, 4);
    await expect(el).to.be.accessible();
  });

  it('passes with a comment typed, and with a comment that is too long', async () => {
    const el = await widget();
    await rate(el, 3);
    await userEvent.type(textarea(el), 'De uitleg bij stap 2 was niet duidelijk.');
    await expect(el).to.be.accessible();
    textarea(el).value = 'x'.repeat(2001);
    textarea(el).dispatchEvent(new InputEvent('input'));
    button(el).click();
    await until(() => part(el, '#error'));
    await expect(el).to.be.accessible();
  });

  it('passes when the answer is queued offline', async () => {
    await commands.stopCollector();
    try {
      const el = await widget();
      await rate(el, 2);
      expect(statusText(el)).to.match(/op dit toestel bewaard/);
      await expect(el).to.be.accessible();
    } finally {
      await commands.startCollector();
    }
  });

  it('passes when the collector refuses the answer for good', async () => {
    const el = await widget(
      html`<vo-feedback service-id="onbekende-dienst" endpoint=${collector.url}></vo-feedback>`,
    );
    radios(el)[0]!.click();
    button(el).click();
    await until(() => expect(part(el, '[role="status"]').className).to.equal('failed'));
    await expect(el).to.be.accessible();
  });

  it('passes on the thank-you', async () => {
    const el = await widget();
    await rate(el, 5);
    await comment(el, 'Alles was duidelijk.');
    await expect(el).to.be.accessible();
  });

  // The offline queue keeps the comment on the device for up to a week (see delivery.ts): the
  // citizen reads that beside the field, in their language.
  const KEPT_ON_DEVICE = {
    nl: 'Lukt het versturen niet, dan bewaren we uw antwoord tot 7 dagen in deze browser en versturen we het later.',
    fr: 'Si l’envoi échoue, nous gardons votre réponse jusqu’à 7 jours dans ce navigateur et l’envoyons plus tard.',
    en: 'If sending fails, we keep your answer in this browser for up to 7 days and send it later.',
    de: 'Wenn das Senden fehlschlägt, speichern wir Ihre Antwort bis zu 7 Tage in diesem Browser und senden sie später.',
  };
  for (const [lang, text] of Object.entries(KEPT_ON_DEVICE)) {
    it(`says what stays on the device and for how long, visibly, in ${lang}`, async () => {
      const el = await widget(
        html`<vo-feedback
          service-id=${collector.serviceId}
          endpoint=${collector.url}
          lang=${lang}
        ></vo-feedback>`,
      );
      await rate(el, 4);
      const hint = part(el, '#hint');
      expect(hint.textContent).to.include(text);
      expect(hint.checkVisibility()).to.equal(true);
      expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(textarea(el).getAttribute('aria-describedby')).to.include('hint');
      await expect(el).to.be.accessible();
    });
  }
});

describe('keyboard only', () => {
  it('goes through the whole flow with Tab, Space, arrows and Enter; focus moves on purpose', async () => {
    const el = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        privacy-url="/privacy"
      ></vo-feedback>`,
    );
    const options = radios(el);

    // Tab enters the group on its first option; Enter there submits without a choice.
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(options[0]);
    await userEvent.keyboard('{Enter}');
    await until(() => part(el, '#error'));
    expect(part(el, '#error').textContent).to.include('Kies hoe tevreden u bent.');
    expect(focused(el)).to.equal(options[0]);

    // Space chooses, the arrows move the choice.
    await userEvent.keyboard(' ');
    expect(options[0]!.checked).to.equal(true);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(focused(el)).to.equal(options[3]);
    expect(options[3]!.checked).to.equal(true);

    // Tab leaves the group for the help link in the promise, then the button; Enter records the
    // rating and focus lands in the field.
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(part(el, '#promise a'));
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(button(el));
    await userEvent.keyboard('{Enter}');
    await until(() => expect(focused(el)).to.equal(textarea(el)));
    expect(el.shadowRoot!.querySelector('#error')).to.equal(null);

    await userEvent.keyboard('Het formulier was duidelijk.');
    expect(textarea(el).value).to.equal('Het formulier was duidelijk.');
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(part(el, 'a'));
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(part(el, '#promise a'));
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(button(el));
    await userEvent.keyboard('{Enter}');

    // The thank-you heading takes focus, so a screen reader reads it.
    await until(() => expect(focused(el)).to.equal(heading(el)));
    expect(heading(el).textContent!.trim()).to.equal('Bedankt voor uw feedback');
  });

  it('shows a visible focus ring: 3 px solid, 2 px away', async () => {
    const el = await widget();
    await userEvent.keyboard('{Tab}');
    const style = getComputedStyle(radios(el)[0]!);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineOffset).to.equal('2px');
    expect(style.outlineColor).to.equal('rgb(0, 85, 204)');
  });
});

describe('screen-reader semantics (Chromium accessibility tree)', () => {
  it('names the group after the question and each option after its label', async () => {
    await widget();
    const tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'region')).to.include({ name: 'Uw feedback' });
    expect(tree.find((n) => n.role === 'heading')).to.include({ name: 'Uw feedback', level: 2 });
    expect(tree.find((n) => n.role === 'group')).to.include({
      name: 'Hoe tevreden bent u over deze dienst?',
    });
    expect(tree.filter((n) => n.role === 'radio').map((n) => [n.name, n.checked])).to.deep.equal(
      NL_OPTIONS.map((name) => [name, 'false']),
    );
    expect(tree.find((n) => n.role === 'button')).to.include({ name: 'Versturen' });
  });

  it('ties the error to the group, and reports the checked option', async () => {
    const el = await widget();
    button(el).click();
    await until(() => part(el, '#error'));
    let tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'group')).to.include({
      name: 'Hoe tevreden bent u over deze dienst?',
      description: 'Fout: Kies hoe tevreden u bent.',
    });
    radios(el)[1]!.click();
    tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'radio' && n.checked === 'true')?.name).to.equal(
      'Ontevreden',
    );
  });

  it('labels the comment field and describes it with the privacy hint and the count', async () => {
    const el = await widget();
    await rate(el, 4);
    const tree = await commands.accessibilityTree();
    const field = tree.find((n) => n.role === 'textbox');
    expect(field?.name).to.equal('Wat kunnen we verbeteren?');
    expect(field?.description).to.include('Vermeld geen persoonsgegevens');
    expect(field?.description).to.include('rijksregisternummer');
    expect(field?.description).to.include('tot 7 dagen in deze browser');
    expect(field?.description).to.include('Tekens over: 2.000');
    // The status and the count are polite live regions; the status says the rating arrived.
    expect(tree.find((n) => n.role === 'status')).to.include({ live: 'polite' });
    expect(tree.filter((n) => n.live === 'polite')).to.have.length.of.at.least(2);
    expect(tree.map((n) => n.name)).to.include('Bedankt voor uw beoordeling.');
    expect(statusText(el)).to.equal('Bedankt voor uw beoordeling.');
  });

  it('speaks French in a French page', async () => {
    await widget(
      html`<div lang="fr-BE">
        <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
      </div>`,
    );
    const tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'group')?.name).to.equal(
      'Êtes-vous satisfait de ce service\u202f?',
    );
    expect(tree.filter((n) => n.role === 'radio').map((n) => n.name)).to.deep.equal([
      'Très insatisfait',
      'Insatisfait',
      'Neutre',
      'Satisfait',
      'Très satisfait',
    ]);
    expect(tree.find((n) => n.role === 'button')?.name).to.equal('Envoyer');
  });
});

describe('the collector (real, on a temporary database)', () => {
  it('stores the rating, then the comment under the same time-ordered id', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        outcome="completed"
        step="bevestiging"
      ></vo-feedback>`,
    );
    await rate(el, 4);
    expect(statusText(el)).to.equal('Bedankt voor uw beoordeling.');
    const [first] = postedBodies(fetchSpy);
    const id = first!.id as string;
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).to.deep.equal({
      id,
      serviceId: collector.serviceId,
      rating: 4,
      lang: 'nl',
      outcome: 'completed',
      step: 'bevestiging',
      page: location.pathname,
    });
    expect(await commands.feedbackRow(id)).to.include({ rating: 4, comment: null });

    await comment(el, 'De betaling was onduidelijk.');
    const [, second] = postedBodies(fetchSpy);
    expect(second).to.include({ id, rating: 4, comment: 'De betaling was onduidelijk.' });
    expect(await commands.feedbackRow(id)).to.include({
      rating: 4,
      comment: 'De betaling was onduidelijk.',
      outcome: 'completed',
      step: 'bevestiging',
      lang: 'nl',
    });
    expect(await commands.countFeedback(id)).to.equal(1);
    expect(queue()).to.deep.equal([]);
  });

  it('sends no second request when the comment is left empty', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await widget();
    await rate(el, 5);
    await comment(el, '   ');
    expect(postedBodies(fetchSpy)).to.have.length(1);
    expect(statusText(el)).to.equal('');
  });

  it('fires vo-feedback-rated and vo-feedback-submitted, bubbling out of the shadow root', async () => {
    const events: CustomEvent[] = [];
    const listen = (event: Event) => events.push(event as CustomEvent);
    document.addEventListener('vo-feedback-rated', listen);
    document.addEventListener('vo-feedback-submitted', listen);
    try {
      const el = await widget();
      await rate(el, 3);
      await comment(el, 'Sneller graag.');
    } finally {
      document.removeEventListener('vo-feedback-rated', listen);
      document.removeEventListener('vo-feedback-submitted', listen);
    }
    expect(events.map((e) => [e.type, e.bubbles, e.composed])).to.deep.equal([
      ['vo-feedback-rated', true, true],
      ['vo-feedback-submitted', true, true],
    ]);
    expect(events[0]!.detail).to.deep.equal({
      serviceId: collector.serviceId,
      rating: 3,
    } satisfies VoFeedbackRatedDetail);
    expect(events[1]!.detail).to.deep.equal({
      serviceId: collector.serviceId,
      rating: 3,
      hasComment: true,
    } satisfies VoFeedbackSubmittedDetail);
  });

  it('tells the citizen honestly when the collector refuses for good, and does not retry', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await widget(
      html`<vo-feedback service-id="onbekende-dienst" endpoint=${collector.url}></vo-feedback>`,
    );
    radios(el)[0]!.click();
    button(el).click();
    await until(() =>
      expect(statusText(el)).to.equal(
        'Uw feedback kon niet worden verstuurd. U kunt ons bereiken via de gratis infolijn 1700.',
      ),
    );
    expect(postedBodies(fetchSpy)).to.have.length(1);
    expect(queue()).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('retries with backoff: a collector back within a second gets the answer, nothing queued', async () => {
    await commands.stopCollector();
    const el = await widget();
    radios(el)[3]!.click();
    button(el).click();
    await until(() => expect(statusText(el)).to.equal('Versturen…'));
    await commands.startCollector();
    await until(() => textarea(el));
    expect(statusText(el)).to.equal('Bedankt voor uw beoordeling.');
    expect(queue()).to.deep.equal([]);
  });

  it('offline: queued on the device, then stored exactly once on the next online event', async () => {
    await commands.stopCollector();
    let id: string;
    try {
      const el = await widget();
      await rate(el, 2);
      expect(statusText(el)).to.equal(
        'Nog niet verstuurd: uw antwoord is op dit toestel bewaard en wordt later verstuurd.',
      );
      expect(queue()).to.have.length(1);
      id = queue()[0]!.id;

      // The comment replaces the queued rating: one answer waits, with both.
      await comment(el, 'Kon niet betalen.');
      expect(heading(el).textContent!.trim()).to.equal('Bedankt voor uw feedback');
      expect(statusText(el)).to.match(/op dit toestel bewaard/);
      expect(queue().map((e) => e.id)).to.deep.equal([id]);
      expect(await commands.countFeedback(id)).to.equal(0);
    } finally {
      await commands.startCollector();
    }

    window.dispatchEvent(new Event('online'));
    await until(async () => expect(await commands.countFeedback(id)).to.equal(1));
    await until(() => expect(queue()).to.deep.equal([]));
    expect(await commands.feedbackRow(id)).to.include({ rating: 2, comment: 'Kon niet betalen.' });

    // Another online event finds nothing left to send.
    window.dispatchEvent(new Event('online'));
    await flushQueue();
    expect(await commands.countFeedback(id)).to.equal(1);
  });

  it('offline: what waits is sent when the next page loads the widget', async () => {
    await commands.stopCollector();
    let id: string;
    try {
      const el = await widget();
      await rate(el, 5);
      id = queue()[0]!.id;
    } finally {
      await commands.startCollector();
    }
    // Loading the bundle runs exactly this (see vo-feedback.ts).
    await flushQueue();
    expect(await commands.countFeedback(id)).to.equal(1);
    expect(queue()).to.deep.equal([]);
  });
});

describe('language', () => {
  it('uses the nearest lang, reflects it on its content, and falls back to nl', async () => {
    const de = await widget(
      html`<div lang="de">
        <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
      </div>`,
    );
    expect(part(de, 'legend').textContent).to.equal('Wie zufrieden sind Sie mit diesem Dienst?');
    expect(part(de, 'section').lang).to.equal('de');

    const spanish = await widget(
      html`<div lang="es">
        <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
      </div>`,
    );
    expect(part(spanish, 'section').lang).to.equal('nl');

    document.documentElement.removeAttribute('lang');
    try {
      const none = await widget();
      expect(part(none, 'section').lang).to.equal('nl');
      expect(button(none).textContent).to.equal('Versturen');
    } finally {
      document.documentElement.lang = 'nl';
    }
  });

  it('follows a change of its lang attribute', async () => {
    const el = await widget();
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(button(el).textContent).to.equal('Send');
    el.lang = 'fr';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('fr');
    expect(button(el).textContent).to.equal('Envoyer');
  });

  it('formats the character count in the language', async () => {
    const counts: Record<string, string> = {};
    for (const lang of ['nl', 'fr', 'en', 'de']) {
      const el = await widget(
        html`<vo-feedback
          service-id=${collector.serviceId}
          endpoint=${collector.url}
          lang=${lang}
        ></vo-feedback>`,
      );
      await rate(el, 4);
      counts[lang] = part(el, '#count').textContent!.trim();
    }
    expect(counts).to.deep.equal({
      nl: 'Tekens over: 2.000',
      fr: 'Caractères restants\u202f: 2\u202f000',
      en: 'Characters left: 2,000',
      de: 'Verbleibende Zeichen: 2.000',
    });
  });

  it('sends the language it speaks', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        lang="en-GB"
      ></vo-feedback>`,
    );
    await rate(el, 4);
    expect(postedBodies(fetchSpy)[0]).to.include({ lang: 'en' });
  });
});

describe('the comment', () => {
  it('counts down after a pause in typing, and refuses more than 2,000 characters', async () => {
    const el = await widget();
    await rate(el, 2);
    const count = part(el, '#count');
    expect(count.getAttribute('aria-live')).to.equal('polite');
    await userEvent.type(textarea(el), 'Twaalf tekens');
    await until(() => expect(count.textContent!.trim()).to.equal('Tekens over: 1.987'));

    const fetchSpy = vi.spyOn(window, 'fetch');
    textarea(el).value = 'x'.repeat(2005);
    textarea(el).dispatchEvent(new InputEvent('input'));
    await until(() => expect(count.textContent!.trim()).to.equal('Tekens te veel: 5'));
    button(el).click();
    await until(() => part(el, '#error'));
    expect(part(el, '#error').textContent).to.equal('Fout: Maak uw opmerking korter.');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el).getAttribute('aria-describedby')).to.equal('error hint count');
    expect(focused(el)).to.equal(textarea(el));
    expect(postedBodies(fetchSpy)).to.have.length(0);
  });
});

describe('look, theming and isolation', () => {
  it('takes a --vo-feedback-* custom property from the host page', async () => {
    const el = await widget();
    expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(0, 85, 204)');
    el.style.setProperty('--vo-feedback-color-action', 'rgb(0, 128, 0)');
    expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(0, 128, 0)');
    document.documentElement.style.setProperty('--vo-feedback-color-text', 'rgb(1, 2, 3)');
    try {
      expect(getComputedStyle(part(el, 'legend')).color).to.equal('rgb(1, 2, 3)');
    } finally {
      document.documentElement.style.removeProperty('--vo-feedback-color-text');
    }
  });

  it('is not touched by host-page CSS, and styles nothing outside itself', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = `
      button { background: red !important; color: yellow !important; }
      label, legend { display: none !important; }
      vo-feedback { color: red; font-family: serif; }`;
    document.head.append(hostile);
    try {
      const wrapper = await fixture(
        html`<div>
          <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
          <button>Buiten</button>
        </div>`,
      );
      const el = wrapper.querySelector('vo-feedback')!;
      const inside = getComputedStyle(button(el));
      expect(inside.backgroundColor).to.equal('rgb(0, 85, 204)');
      expect(inside.color).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(part(el, 'legend')).display).to.equal('block');
      expect(getComputedStyle(part(el, 'legend')).color).to.equal('rgb(51, 51, 50)');
      expect(getComputedStyle(part(el, 'legend')).fontFamily).to.include('Flanders Art Sans');
      expect(getComputedStyle(wrapper.querySelector(':scope > button')!).backgroundColor).to.equal(
        'rgb(255, 0, 0)',
      );
    } finally {
      hostile.remove();
    }
  });

  it('offers ::part() for a local identity', async () => {
    const style = document.createElement('style');
    style.textContent = 'vo-feedback::part(button) { border-radius: 0; }';
    document.head.append(style);
    try {
      const el = await widget();
      expect(getComputedStyle(button(el)).borderRadius).to.equal('0px');
    } finally {
      style.remove();
    }
  });

  it('gives every target at least 44 px and reflows at 320 px without horizontal scrolling', async () => {
    await page.viewport(320, 700);
    try {
      const el = await widget();
      for (const target of [...el.shadowRoot!.querySelectorAll('[part="option"]'), button(el)]) {
        expect(target.getBoundingClientRect().height).to.be.at.least(44);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await rate(el, 4);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await page.viewport(1280, 720);
    }
  });

  it('keeps its light colours under a dark colour scheme, and an edge on the button in forced colours', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await widget();
      expect(getComputedStyle(part(el, 'section')).backgroundColor).to.equal('rgb(247, 249, 252)');
      expect(getComputedStyle(part(el, 'legend')).color).to.equal('rgb(51, 51, 50)');
      await expect(el).to.be.accessible();
    } finally {
      await commands.emulateMedia({ colorScheme: 'light' });
    }
    await commands.emulateMedia({ forcedColors: 'active' });
    try {
      const el = await widget();
      expect(getComputedStyle(button(el)).borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
      await expect(el).to.be.accessible();
    } finally {
      await commands.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('renders the heading at the level the page asks for, 2 to 6', async () => {
    const three = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        heading-level="3"
      ></vo-feedback>`,
    );
    expect(heading(three).getAttribute('aria-level')).to.equal('3');
    const wrong = await widget(
      html`<vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        heading-level="9"
      ></vo-feedback>`,
    );
    expect(heading(wrong).getAttribute('aria-level')).to.equal('2');
  });
});

describe('under a strict Content-Security-Policy', () => {
  it('renders, is styled and posts with no inline script or style, no eval, Trusted Types on', async () => {
    const { problems, chunks, whileLoading, frenchQuestion, ...result } =
      await commands.strictCspRun();
    // Nothing filtered: a refused request (CSP, CORS, a resource policy on any answer of the
    // collector to this other site) is a console error or a failed request on the host page.
    expect(problems).to.deep.equal([]);
    expect(result).to.deep.equal({ status: 201, stored: 1, buttonBackground: 'rgb(0, 85, 204)' });
    // Dutch is in the bundle; the French texts are a chunk beside it, loaded under the same
    // policy; while it loads, the French widget shows what it showed before it ran, and no Dutch.
    expect(chunks.map((chunk) => chunk.split('-').slice(0, 3).join('-'))).to.deep.equal([
      'vo-feedback-fr',
    ]);
    expect(whileLoading).to.deep.equal({ rendered: '', shown: 'Sans JavaScript' });
    expect(frenchQuestion).to.equal('Êtes-vous satisfait de ce service\u202f?');
  });
});

describe('without JavaScript', () => {
  const fallback = html`<form method="post" action="/api/v1/feedback/form">
    <input type="hidden" name="serviceId" value="omgevingsloket-aanvraag" />
    <input type="hidden" name="lang" value="nl" />
    <fieldset>
      <legend>Hoe tevreden bent u over deze dienst?</legend>
      <label><input type="radio" name="rating" value="1" required /> Zeer ontevreden</label>
      <label><input type="radio" name="rating" value="2" /> Ontevreden</label>
      <label><input type="radio" name="rating" value="3" /> Neutraal</label>
      <label><input type="radio" name="rating" value="4" /> Tevreden</label>
      <label><input type="radio" name="rating" value="5" /> Zeer tevreden</label>
    </fieldset>
    <label for="vo-feedback-comment">Wat kunnen we verbeteren? (niet verplicht)</label>
    <p id="vo-feedback-hint">
      Vermeld geen persoonsgegevens zoals uw naam, rijksregisternummer, adres, telefoonnummer of
      e-mailadres.
    </p>
    <textarea
      id="vo-feedback-comment"
      name="comment"
      maxlength="2000"
      rows="4"
      aria-describedby="vo-feedback-hint"
    ></textarea>
    <div
      class="vo-feedback-honeypot"
      aria-hidden="true"
      style="position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden"
    >
      <label for="vo-feedback-website">Laat dit veld leeg</label>
      <input type="text" id="vo-feedback-website" name="website" tabindex="-1" autocomplete="off" />
    </div>
    <button type="submit">Versturen</button>
  </form>`;

  it('the documented fallback form passes axe on its own', async () => {
    const el = await fixture(html`<div lang="nl">${fallback}</div>`);
    await expect(el).to.be.accessible();
  });

  it('hides the fallback form once the widget runs', async () => {
    const el = await widget(
      html`<vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}>
        ${fallback}
      </vo-feedback>`,
    );
    const form = el.querySelector('form')!;
    expect(form.getClientRects().length).to.equal(0);
    expect(radios(el)).to.have.length(5);
  });
});
