// Issue 14: the promise (anonymous, no answer, where to get help instead), the reasons after a
// rating of 1–3, the help after a bad experience or a refusal, the scale in order, the error in
// forced colours, and the second step's button named for what it sends.
import { expect, html } from '@open-wc/testing';
import { DEFAULT_REASONS } from '@vo-feedback/shared';
import { afterEach, describe, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import {
  button,
  collector,
  comment,
  focused,
  heading,
  part,
  radios,
  rate,
  statusText,
  textarea,
  until,
  widget,
} from '../../test/helpers.ts';
import type { VoFeedback } from './vo-feedback.ts';

const LANGS = ['nl', 'fr', 'en', 'de'] as const;
type Lang = (typeof LANGS)[number];

const PROMISE: Record<Lang, string> = {
  nl: 'Uw feedback is anoniem en u krijgt er geen antwoord op. Hulp nodig? Neem contact op met de gratis infolijn 1700.',
  fr: 'Votre avis est anonyme et ne reçoit pas de réponse. Besoin d’aide\u202f? Contactez la ligne d’info gratuite 1700.',
  en: 'Your feedback is anonymous and gets no reply. Need help? Contact the free info line 1700.',
  de: 'Ihr Feedback ist anonym und erhält keine Antwort. Brauchen Sie Hilfe? Kontaktieren Sie die kostenlose Infoline 1700.',
};
const REASONS_LEGEND: Record<Lang, string> = {
  nl: 'Wat liep er mis?',
  fr: 'Qu’est-ce qui n’a pas marché\u202f?',
  en: 'What went wrong?',
  de: 'Was ist schiefgelaufen?',
};
const SEND_COMMENT: Record<Lang, string> = {
  nl: 'Opmerking versturen',
  fr: 'Envoyer la remarque',
  en: 'Send comment',
  de: 'Anmerkung senden',
};
const REFUSED: Record<Lang, string> = {
  nl: 'Uw feedback kon niet worden verstuurd. U kunt ons bereiken via de gratis infolijn 1700.',
  fr: 'Votre avis n’a pas pu être envoyé. Vous pouvez nous joindre via la ligne d’info gratuite 1700.',
  en: 'Your feedback could not be sent. You can reach us via the free info line 1700.',
  de: 'Ihr Feedback konnte nicht gesendet werden. Sie erreichen uns über die kostenlose Infoline 1700.',
};

const configUrl = (serviceId: string) =>
  `${collector.url}/api/v1/public/services/${serviceId}/config`;

/** The GETs of a service's configuration seen by a spy on fetch. */
const configFetches = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([url]) => String(url).endsWith('/config'));

/** The answers the widget posts, read from a spy that lets every request through. */
const postedBodies = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls
    .filter(([url]) => String(url).endsWith('/api/v1/feedback'))
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as Record<string, unknown>);

let services = 0;
/** A service of its own (see createService in vitest.config.ts). */
async function service(helpUrl: string | null = null, reasons: unknown[] | null = null) {
  const id = `dienst-${Date.now().toString(36)}-${services++}`;
  await commands.createService(id, helpUrl, reasons);
  // The collector's ingest finds a service created behind its back after a second (its directory
  // reloads for an unknown id at most once a second).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  return id;
}

function make(
  options: { lang?: Lang; serviceId?: string; helpUrl?: string; outcome?: string } = {},
): Promise<VoFeedback> {
  return widget(
    html`<vo-feedback
      service-id=${options.serviceId ?? collector.serviceId}
      endpoint=${collector.url}
      lang=${options.lang ?? 'nl'}
      help-url=${options.helpUrl ?? ''}
      outcome=${options.outcome ?? ''}
    ></vo-feedback>`,
  );
}

const checkboxes = (el: VoFeedback) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
];
const labelOf = (input: HTMLInputElement) => input.closest('label')!.textContent!.trim();

/** Rates and waits for the comment step with its reasons (the list comes from the collector). */
async function rateWithReasons(el: VoFeedback, rating: number): Promise<void> {
  await rate(el, rating);
  await until(() => expect(checkboxes(el)).to.have.length.greaterThan(0));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the promise: anonymous, no answer, and where to get help instead', () => {
  for (const lang of LANGS) {
    it(`says it before sending, with the free info line 1700 by default, in ${lang}`, async () => {
      const el = await make({ lang });
      const promise = part(el, '#promise');
      expect(promise.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal(PROMISE[lang]);
      expect(promise.checkVisibility()).to.equal(true);
      expect(part<HTMLAnchorElement>(el, '#promise a').getAttribute('href')).to.equal('tel:1700');
      await expect(el).to.be.accessible();
      // And on the second step, which sends the comment.
      await rate(el, 4);
      expect(
        part(el, '#promise')
          .textContent!.replace(/[ \n]+/g, ' ')
          .trim(),
      ).to.equal(PROMISE[lang]);
    });
  }

  it('links to the help-url attribute, named as the service’s contact point', async () => {
    const el = await make({ helpUrl: 'https://www.vlaanderen.be/contact' });
    const link = part<HTMLAnchorElement>(el, '#promise a');
    expect(link.getAttribute('href')).to.equal('https://www.vlaanderen.be/contact');
    expect(link.textContent).to.equal('het contactpunt van deze dienst');
    const tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'link')?.name).to.equal('het contactpunt van deze dienst');
  });

  it('takes the service’s helpUrl from the collector once fetched; the attribute wins', async () => {
    const serviceId = await service('tel:+3225530000');
    const el = await make({ serviceId });
    await rate(el, 2);
    await until(() =>
      expect(part(el, '#promise a').getAttribute('href')).to.equal('tel:+3225530000'),
    );
    const own = await make({ serviceId, helpUrl: 'https://example.org/hulp' });
    await rate(own, 2);
    expect(part(own, '#promise a').getAttribute('href')).to.equal('https://example.org/hulp');
  });

  it('shows the service’s helpUrl as soon as a rating is chosen, before anything is sent', async () => {
    const serviceId = await service('https://www.gemeente.be/contact');
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await make({ serviceId });
    expect(part(el, '#promise a').getAttribute('href')).to.equal('tel:1700');
    // Only looking at the question fetches nothing.
    expect(configFetches(fetchSpy)).to.have.length(0);
    radios(el)[4]!.click();
    await until(() =>
      expect(part(el, '#promise a').getAttribute('href')).to.equal(
        'https://www.gemeente.be/contact',
      ),
    );
    expect(postedBodies(fetchSpy)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('after an outcome other than completed and a rating of 5, the thank-you links to the service’s help', async () => {
    const serviceId = await service('https://www.gemeente.be/contact');
    const el = await make({ serviceId, outcome: 'rejected' });
    await rate(el, 5);
    await comment(el, '');
    expect(part(el, '#box a').getAttribute('href')).to.equal('https://www.gemeente.be/contact');
  });
});

describe('reasons after a rating of 1 to 3', () => {
  for (const lang of LANGS) {
    it(`offers the default reasons as optional checkboxes in ${lang}, and sends their codes`, async () => {
      const serviceId = await service();
      const fetchSpy = vi.spyOn(window, 'fetch');
      const el = await make({ lang, serviceId });
      await rateWithReasons(el, 2);
      expect(part(el, 'fieldset legend').textContent).to.equal(REASONS_LEGEND[lang]);
      expect(checkboxes(el).map(labelOf)).to.deep.equal(DEFAULT_REASONS.map((r) => r.labels[lang]));
      expect(checkboxes(el).every((box) => !box.required && !box.checked)).to.equal(true);
      // The first reason takes focus: the new step starts there.
      expect(focused(el)).to.equal(checkboxes(el)[0]);
      expect(button(el).textContent).to.equal(SEND_COMMENT[lang]);
      await expect(el).to.be.accessible();

      checkboxes(el)[0]!.click();
      checkboxes(el)[2]!.click();
      await comment(el, 'Te veel stappen.');
      const [, second] = postedBodies(fetchSpy);
      expect(second).to.include({ rating: 2, comment: 'Te veel stappen.' });
      expect(second!.reasons).to.deep.equal(['unclear-information', 'too-slow']);
      const row = await commands.feedbackRow(second!.id as string);
      expect(JSON.parse(row!.reasons as string)).to.deep.equal(['unclear-information', 'too-slow']);
    });
  }

  it('shows the service’s own list, and sends reasons without a comment', async () => {
    const serviceId = await service(null, [
      {
        code: 'betaling',
        labels: { nl: 'De betaling lukte niet', fr: 'Paiement', en: 'Payment', de: 'Zahlung' },
      },
    ]);
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await make({ serviceId });
    await rateWithReasons(el, 3);
    expect(checkboxes(el).map(labelOf)).to.deep.equal(['De betaling lukte niet']);
    checkboxes(el)[0]!.click();
    await comment(el, '');
    expect(postedBodies(fetchSpy).map((body) => body.reasons)).to.deep.equal([
      undefined,
      ['betaling'],
    ]);
  });

  it('does not ask after a rating of 4 or 5, nor fetch the list when the page gives its help link', async () => {
    const serviceId = await service();
    const fetchSpy = vi.spyOn(window, 'fetch');
    const el = await make({ serviceId, helpUrl: 'https://example.org/hulp' });
    await rate(el, 4);
    expect(checkboxes(el)).to.have.length(0);
    expect(focused(el)).to.equal(textarea(el));
    expect(configFetches(fetchSpy)).to.have.length(0);
    await comment(el, 'Prima.');
    expect(postedBodies(fetchSpy)[1]).not.to.have.property('reasons');
  });

  it('fetches the list once per page, with a plain GET without credentials', async () => {
    const serviceId = await service();
    const fetchSpy = vi.spyOn(window, 'fetch');
    const first = await make({ serviceId });
    await rateWithReasons(first, 1);
    const second = await make({ serviceId });
    await rateWithReasons(second, 2);
    const fetches = configFetches(fetchSpy);
    expect(fetches).to.have.length(1);
    expect(String(fetches[0]![0])).to.equal(configUrl(serviceId));
    const init = fetches[0]![1] as RequestInit;
    expect(init.method ?? 'GET').to.equal('GET');
    expect(init.credentials).to.equal('omit');
    expect(init.headers).to.equal(undefined);
    const response = await fetch(configUrl(serviceId));
    expect(response.headers.get('cache-control')).to.equal('public, max-age=300');
  });

  it('still works without reasons when the list cannot be fetched', async () => {
    const serviceId = await service();
    const realFetch = window.fetch.bind(window);
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockImplementation((input, init) =>
        String(input).endsWith('/config')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : realFetch(input, init),
      );
    const el = await make({ serviceId });
    await rate(el, 1);
    expect(configFetches(fetchSpy)).to.have.length(1);
    expect(checkboxes(el)).to.have.length(0);
    expect(focused(el)).to.equal(textarea(el));
    await comment(el, 'Het lukte niet.');
    expect(heading(el).textContent!.trim()).to.equal('Bedankt voor uw feedback');
    expect(postedBodies(fetchSpy)[1]).not.to.have.property('reasons');
  });

  it('can be chosen by keyboard only, and is a named group of checkboxes for a screen reader', async () => {
    const serviceId = await service();
    const el = await make({ serviceId });
    await userEvent.keyboard('{Tab}{ArrowRight}');
    expect(radios(el)[1]!.checked).to.equal(true);
    await userEvent.keyboard('{Tab}{Tab}');
    expect(focused(el)).to.equal(button(el));
    await userEvent.keyboard('{Enter}');
    await until(() => expect(focused(el)).to.equal(checkboxes(el)[0]));
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Tab}');
    expect(focused(el)).to.equal(checkboxes(el)[1]);
    await userEvent.keyboard(' ');
    expect(checkboxes(el).map((box) => box.checked)).to.deep.equal([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const tree = await commands.accessibilityTree();
    expect(tree.find((n) => n.role === 'group')?.name).to.equal('Wat liep er mis?');
    expect(tree.filter((n) => n.role === 'checkbox').map((n) => [n.name, n.checked])).to.deep.equal(
      DEFAULT_REASONS.map((r, i) => [r.labels.nl, i < 2 ? 'true' : 'false']),
    );
    expect(tree.find((n) => n.role === 'button')?.name).to.equal('Opmerking versturen');
  });
});

describe('the thank-you after a bad experience', () => {
  for (const lang of LANGS) {
    it(`repeats the promise and the help link in a box, announced with the heading, in ${lang}`, async () => {
      const el = await make({ lang });
      await rate(el, 2);
      await comment(el, '');
      const box = part(el, '#box');
      expect(box.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal(PROMISE[lang]);
      expect(box.querySelector('a')!.getAttribute('href')).to.equal('tel:1700');
      expect(getComputedStyle(box).borderTopStyle).to.equal('solid');
      expect(focused(el)).to.equal(heading(el));
      const tree = await commands.accessibilityTree();
      expect(tree.find((n) => n.role === 'heading')?.description).to.equal(PROMISE[lang]);
      await expect(el).to.be.accessible();
    });
  }

  it('after an outcome other than completed, whatever the rating', async () => {
    const el = await make({ outcome: 'rejected' });
    await rate(el, 5);
    await comment(el, '');
    expect(part(el, '#box').textContent).to.include('gratis infolijn 1700');
  });

  it('not after a good, completed journey', async () => {
    for (const outcome of ['completed', '']) {
      const el = await make({ outcome });
      await rate(el, 3);
      await comment(el, '');
      expect(el.shadowRoot!.querySelector('#box')).to.equal(null);
      expect(heading(el).hasAttribute('aria-describedby')).to.equal(false);
    }
  });
});

describe('a refusal that asking again cannot change', () => {
  for (const status of [400, 403, 404, 409, 413]) {
    it(`says what to do instead after a ${status}`, async () => {
      const endpoint = await commands.startScriptedServer([{ status }], location.origin);
      try {
        // The page gives the help link: the scripted server answers the submission only.
        const el = await widget(
          html`<vo-feedback
            service-id=${collector.serviceId}
            endpoint=${endpoint}
            help-url="tel:1700"
          ></vo-feedback>`,
        );
        radios(el)[3]!.click();
        button(el).click();
        await until(() => expect(statusText(el)).to.equal(REFUSED.nl));
        expect(part(el, '[role="status"] a').getAttribute('href')).to.equal('tel:1700');
        expect(statusText(el)).not.to.include('Excuses');
      } finally {
        await commands.stopScriptedServer();
      }
    });
  }

  for (const lang of LANGS) {
    it(`is announced with its link, and passes axe, in ${lang}`, async () => {
      const el = await widget(
        html`<vo-feedback
          service-id="onbekende-dienst"
          endpoint=${collector.url}
          lang=${lang}
        ></vo-feedback>`,
      );
      radios(el)[0]!.click();
      button(el).click();
      await until(() => expect(statusText(el)).to.equal(REFUSED[lang]));
      const tree = await commands.accessibilityTree();
      expect(tree.find((n) => n.role === 'status')).to.include({ live: 'polite' });
      expect(tree.filter((n) => n.role === 'link').map((n) => n.name)).to.include(
        REFUSED[lang].split(/ (?:via|über) /)[1]!.slice(0, -1),
      );
      await expect(el).to.be.accessible();
    });
  }
});

describe('the scale reads in order: one row, or one column, never 2-2-1', () => {
  it('at every width from 320 to 1280 px, in every language', async () => {
    try {
      for (const lang of LANGS) {
        for (const width of [320, 480, 640, 800, 960, 1120, 1280]) {
          await page.viewport(width, 900);
          const el = await make({ lang });
          const boxes = [...el.shadowRoot!.querySelectorAll('[part="option"]')].map((o) =>
            o.getBoundingClientRect(),
          );
          const row = boxes.every(
            (b, i) => b.top === boxes[0]!.top && (!i || b.left > boxes[i - 1]!.left),
          );
          const column = boxes.every(
            (b, i) => b.left === boxes[0]!.left && (!i || b.top > boxes[i - 1]!.top),
          );
          expect(row || column, `${lang} at ${width} px`).to.equal(true);
          if (width === 1280) expect(row, `${lang} at 1280 px`).to.equal(true);
          if (width === 320) expect(column, `${lang} at 320 px`).to.equal(true);
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
        }
      }
    } finally {
      await page.viewport(1280, 720);
    }
  });

  it('reasons, promise and thank-you box reflow at 320 px (400 % zoom) with 44 px targets', async () => {
    await page.viewport(320, 700);
    try {
      const el = await make({ serviceId: await service() });
      await rateWithReasons(el, 2);
      for (const box of checkboxes(el)) {
        expect(box.closest('label')!.getBoundingClientRect().height).to.be.at.least(44);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await comment(el, '');
      expect(part(el, '#box').getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await page.viewport(1280, 720);
    }
  });
});

describe('forced colours', () => {
  it('the error has an edge the question has not; reasons and the help box keep theirs', async () => {
    await commands.emulateMedia({ forcedColors: 'active' });
    try {
      const el = await make({ serviceId: await service() });
      button(el).click();
      await until(() => part(el, '#error'));
      const error = getComputedStyle(part(el, '#error'));
      expect(error.borderLeftStyle).to.equal('solid');
      expect(error.borderLeftWidth).to.equal('4px');
      expect(getComputedStyle(part(el, 'legend')).borderLeftStyle).to.equal('none');
      await expect(el).to.be.accessible();

      await rateWithReasons(el, 2);
      expect(getComputedStyle(checkboxes(el)[0]!.closest('label')!).borderTopStyle).to.equal(
        'solid',
      );
      await expect(el).to.be.accessible();
      await comment(el, '');
      expect(getComputedStyle(part(el, '#box')).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await commands.emulateMedia({ forcedColors: 'none' });
    }
  });
});
