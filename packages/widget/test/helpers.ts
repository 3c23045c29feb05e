// Small browser-side helpers shared by the widget tests.
import { fixture, html } from '@open-wc/testing';
import { inject, vi } from 'vitest';
import { QUEUE_KEY } from '../src/delivery.ts';
import type { VoFeedback } from '../src/vo-feedback/vo-feedback.ts';
import '../src/vo-feedback/vo-feedback.ts';

export const collector = inject('collector');

/**
 * Waits until `check` stops throwing. Generous: the slowest step is three attempts with backoff
 * (3 s) on a machine that may be busy with other suites.
 */
export function until<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 50 });
}

/**
 * A widget posting to the test collector, or the given markup; rendered in its language (a
 * catalog other than Dutch is loaded first).
 */
export async function widget(
  template = html`<vo-feedback
    service-id=${collector.serviceId}
    endpoint=${collector.url}
  ></vo-feedback>`,
): Promise<VoFeedback> {
  const element = await fixture<HTMLElement>(template);
  const el = (
    element.localName === 'vo-feedback' ? element : element.querySelector('vo-feedback')!
  ) as VoFeedback;
  await el.updateComplete;
  return el;
}

export function part<E extends Element = HTMLElement>(el: VoFeedback, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in the widget`);
  return found;
}

export const radios = (el: VoFeedback) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
export const button = (el: VoFeedback) => part<HTMLButtonElement>(el, 'button');
export const textarea = (el: VoFeedback) => part<HTMLTextAreaElement>(el, 'textarea');
export const statusText = (el: VoFeedback) => part(el, '[role="status"]').textContent!.trim();
export const heading = (el: VoFeedback) => part(el, '[role="heading"]');
/** The focused element inside the widget (document.activeElement is the host). */
export const focused = (el: VoFeedback) => el.shadowRoot!.activeElement;

/** Waits until the widget shows the comment step (the rating went through or was queued). */
export async function rate(el: VoFeedback, rating: number): Promise<void> {
  radios(el)[rating - 1]!.click();
  button(el).click();
  await until(() => textarea(el));
}

/** Types a comment and sends it; waits for the thank-you. */
export async function comment(el: VoFeedback, text: string): Promise<void> {
  const field = textarea(el);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  button(el).click();
  await until(() => {
    if (el.shadowRoot!.querySelector('textarea')) throw new Error('still on the comment step');
  });
}

export function queue(): { id: string; url: string; body: string }[] {
  return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]');
}
