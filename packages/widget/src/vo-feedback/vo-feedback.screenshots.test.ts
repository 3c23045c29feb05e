// Screenshots of every state at a phone width and a desktop width, for the README and for people
// reviewing the look: widget-<state>-<width>.png, in docs/ with VO_SCREENSHOTS=1 and otherwise in
// .test-results/ (tracked files stay put). Each test also checks what the picture must show, so a
// broken state cannot be photographed silently.
import { expect, fixture, html } from '@open-wc/testing';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import {
  button,
  collector,
  comment,
  part,
  radios,
  rate,
  statusText,
  textarea,
  until,
} from '../../test/helpers.ts';
import type { VoFeedback } from './vo-feedback.ts';

const WIDTHS = [320, 1280];
/** An absolute path, chosen in vitest.config.ts: docs/ or .test-results/ at the repository root. */
const screenshotDir = inject('screenshotDir');

async function frame(
  width: number,
  attributes = html``,
): Promise<{ box: HTMLElement; el: VoFeedback }> {
  await page.viewport(width, 900);
  const box = await fixture<HTMLElement>(
    html`<div style="padding: 16px; background: #fff">
      <vo-feedback
        service-id=${collector.serviceId}
        endpoint=${collector.url}
        privacy-url="/privacy"
        >${attributes}</vo-feedback
      >
    </div>`,
  );
  const el = box.querySelector('vo-feedback') as VoFeedback;
  // Rendered once its texts are there (a chunk, but for Dutch).
  await el.updateComplete;
  return { box, el };
}

async function shoot(box: HTMLElement, state: string, width: number): Promise<void> {
  // No horizontal scrolling at this width, whatever the state.
  expect(document.documentElement.scrollWidth).to.be.at.most(width);
  // Focus rings are part of the picture only where the state puts focus on purpose.
  await page.screenshot({ element: box, path: `${screenshotDir}/widget-${state}-${width}.png` });
}

describe('screenshots (widget-<state>-<width>.png)', () => {
  beforeAll(() => {
    document.body.style.margin = '0';
  });
  afterAll(async () => {
    document.body.style.margin = '';
    await page.viewport(1280, 720);
  });

  for (const width of WIDTHS) {
    it(`rate, ${width} px`, async () => {
      const { box, el } = await frame(width);
      expect(radios(el)).to.have.length(5);
      await shoot(box, 'rate', width);
    });

    it(`error, ${width} px`, async () => {
      const { box, el } = await frame(width);
      button(el).click();
      await until(() => part(el, '#error'));
      await shoot(box, 'error', width);
    });

    it(`comment, ${width} px`, async () => {
      const { box, el } = await frame(width);
      await rate(el, 4);
      await userEvent.type(textarea(el), 'De uitleg over de bijlagen was niet duidelijk.');
      await until(() =>
        expect(part(el, '#count').textContent!.trim()).to.equal('Tekens over: 1.954'),
      );
      await shoot(box, 'comment', width);
    });

    it(`queued, ${width} px`, async () => {
      await commands.stopCollector();
      try {
        const { box, el } = await frame(width);
        await rate(el, 2);
        expect(statusText(el)).to.match(/op dit toestel bewaard/);
        textarea(el).blur();
        await shoot(box, 'queued', width);
      } finally {
        await commands.startCollector();
      }
    });

    it(`thanks, ${width} px`, async () => {
      const { box, el } = await frame(width);
      await rate(el, 5);
      await comment(el, 'Vlot en duidelijk.');
      await shoot(box, 'thanks', width);
    });

    it(`reasons, ${width} px`, async () => {
      const { box, el } = await frame(width);
      await rate(el, 2);
      await until(() =>
        expect(el.shadowRoot!.querySelectorAll('[type="checkbox"]')).to.have.length(6),
      );
      el.shadowRoot!.querySelector<HTMLInputElement>('[value="too-slow"]')!.click();
      expect(button(el).textContent).to.equal('Opmerking versturen');
      expect(part(el, '#promise').textContent).to.include('gratis infolijn 1700');
      // Taller than the other states: the whole step in the picture.
      await page.viewport(width, 1600);
      await shoot(box, 'reasons', width);
    });

    it(`thank-you with help, ${width} px`, async () => {
      const { box, el } = await frame(width);
      await rate(el, 1);
      await comment(el, 'Ik kon de bijlage niet opladen.');
      expect(part(el, '#box').textContent).to.include('gratis infolijn 1700');
      await shoot(box, 'thanks-help', width);
    });

    it(`refused, ${width} px`, async () => {
      await page.viewport(width, 900);
      const box = await fixture<HTMLElement>(
        html`<div style="padding: 16px; background: #fff">
          <vo-feedback service-id="onbekende-dienst" endpoint=${collector.url}></vo-feedback>
        </div>`,
      );
      const el = box.querySelector('vo-feedback') as VoFeedback;
      radios(el)[3]!.click();
      button(el).click();
      await until(() => expect(statusText(el)).to.match(/^Uw feedback kon niet worden verstuurd/));
      button(el).blur();
      await shoot(box, 'refused', width);
    });

    it(`French, ${width} px`, async () => {
      await page.viewport(width, 900);
      const box = await fixture<HTMLElement>(
        html`<div lang="fr" style="padding: 16px; background: #fff">
          <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
        </div>`,
      );
      const el = box.querySelector('vo-feedback') as VoFeedback;
      // The French texts are a chunk of their own, loaded on first use.
      await el.updateComplete;
      expect(button(el).textContent).to.equal('Envoyer');
      await shoot(box, 'fr', width);
    });

    it(`forced colours, ${width} px`, async () => {
      await commands.emulateMedia({ forcedColors: 'active' });
      try {
        const { box, el } = await frame(width);
        // The error has an edge of its own, so it does not look like the question.
        button(el).click();
        await until(() => part(el, '#error'));
        await shoot(box, 'forced-colors', width);
      } finally {
        await commands.emulateMedia({ forcedColors: 'none' });
      }
    });
  }
});
