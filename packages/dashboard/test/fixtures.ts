// Fixture data for the element tests: answers shaped by the shared contract (each parsed through
// its zod schema, so a fixture that drifts from what the collector answers fails here), and a
// typed fake of the API that returns them (fake-api.ts, exported from here too). The real
// collector is tested end to end in e2e/.
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import {
  DEFAULT_REASONS,
  FeedbackPageSchema,
  ServiceConfigSchema,
  SummarySchema,
  TagSuggestionsSchema,
  ThemesSchema,
  type FeedbackItem,
  type FeedbackPage,
  type ServiceConfig,
  type ServiceInfo,
  type Summary,
  type TagSuggestions,
  type Theme,
  type Themes,
} from '@vo-feedback/shared';
import type { DashboardApi } from '../src/api.ts';
import type { DashboardContext } from '../src/context.ts';
import { Formats } from '../src/format.ts';
import { catalogs, type Language } from '../src/i18n/catalogs.ts';
import type { Period } from '../src/period.ts';
import { FakeApi } from './fake-api.ts';

export { deferred, FakeApi, type Answers, type Call } from './fake-api.ts';

/** The day every fixture context calls today. */
export const TODAY = '2026-06-15';
export const PERIOD: Period = { from: '2026-01-01', to: TODAY };

export function context(
  api: DashboardApi = new FakeApi(),
  overrides: Partial<Omit<DashboardContext, 't' | 'f'>> = {},
): DashboardContext {
  const language: Language = overrides.language ?? 'nl';
  return {
    api,
    language,
    t: catalogs[language],
    f: new Formats(language),
    role: 'provider',
    minimumN: 10,
    today: TODAY,
    ...overrides,
  };
}

export const SERVICES: ServiceInfo[] = [
  {
    id: 'omgevingsloket',
    name: 'Omgevingsloket',
    organisationId: 'org-a',
    organisationName: 'Stad Zonnedorp',
    active: true,
    publicServiceUri: null,
  },
  {
    id: 'parkeerkaart',
    name: 'Parkeerkaart aanvragen',
    organisationId: 'org-b',
    organisationName: 'Agentschap Wegen',
    active: false,
    publicServiceUri: null,
  },
];

const noRatings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };

/** A summary: ten responses by default, eight of them satisfied, over two months. */
export function summary(overrides: Partial<Summary> = {}): Summary {
  const ratings = { '1': 1, '2': 0, '3': 1, '4': 3, '5': 5 };
  return SummarySchema.parse({
    serviceId: 'omgevingsloket',
    from: PERIOD.from,
    to: PERIOD.to,
    responses: 10,
    ratings,
    mean: 4.1,
    csat: 0.8,
    csatInterval: [0.49, 0.94],
    comments: 4,
    impressions: 200,
    responseRate: 0.05,
    byMonth: [
      {
        month: '2026-01',
        responses: 4,
        ratings: { ...noRatings, '4': 2, '5': 1, '1': 1 },
        mean: 3.75,
        csat: 0.75,
        csatInterval: [0.3, 0.95],
        comments: 2,
        impressions: 100,
        responseRate: 0.04,
      },
      {
        month: '2026-02',
        responses: 0,
        ratings: noRatings,
        mean: null,
        csat: null,
        csatInterval: null,
        comments: 0,
        impressions: 40,
        responseRate: 0,
      },
      {
        month: '2026-03',
        responses: 6,
        ratings: { ...noRatings, '3': 1, '4': 1, '5': 4 },
        mean: 4.5,
        csat: 0.83,
        csatInterval: [0.44, 0.97],
        comments: 2,
        impressions: 60,
        responseRate: 0.1,
      },
    ],
    byOutcome: {
      completed: {
        responses: 7,
        ratings: { ...noRatings, '4': 2, '5': 5 },
        mean: 4.71,
        csat: 1,
        csatInterval: [0.65, 1],
        comments: 2,
      },
      error: {
        responses: 3,
        ratings: { ...noRatings, '1': 1, '3': 1, '4': 1 },
        mean: 2.67,
        csat: 0.33,
        csatInterval: [0.06, 0.79],
        comments: 2,
      },
    },
    // Six on the website, one by phone, three at the counter: eight satisfied in all.
    byChannel: [
      { channel: 'web', responses: 6, csat: 5 / 6, csatInterval: [0.44, 0.97] },
      { channel: 'phone', responses: 1, csat: 0, csatInterval: [0, 0.79] },
      { channel: 'counter', responses: 3, csat: 1, csatInterval: [0.44, 1] },
    ],
    // The two answers rated 1–3 both ticked "too slow", one of them "unclear information" too.
    byReason: [
      { reason: 'too-slow', count: 2, share: 1 },
      { reason: 'unclear-information', count: 1, share: 0.5 },
    ],
    // Eight in Dutch, two in French.
    byLanguage: [
      { lang: 'nl', responses: 8, csat: 7 / 8, csatInterval: [0.53, 0.98] },
      { lang: 'fr', responses: 2, csat: 0.5, csatInterval: [0.09, 0.91] },
    ],
    // The journey as first seen: the form, then the payment where the three errors were.
    byStep: [
      {
        step: 'formulier',
        responses: 6,
        csat: 5 / 6,
        csatInterval: [0.44, 0.97],
        withOutcome: 6,
        shareNotCompleted: 0,
      },
      {
        step: 'betaling',
        responses: 4,
        csat: 0.75,
        csatInterval: [0.3, 0.95],
        withOutcome: 4,
        shareNotCompleted: 0.75,
      },
    ],
    ...overrides,
  });
}

/** The service's public configuration: the default reasons unless told otherwise. */
export function serviceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return ServiceConfigSchema.parse({
    serviceId: 'omgevingsloket',
    helpUrl: null,
    reasons: DEFAULT_REASONS,
    ...overrides,
  });
}

/** A small SVG standing in for the collector's QR code; `mark` tells one code from another. */
export function qrSvg(mark = 'web'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" data-mark="${mark}"><path d="M4 4h7v7H4z"/></svg>`;
}

/**
 * One theme: `count` comments, none of them rated 1–2 and no change unless told, counted under
 * its own form only.
 */
export function theme(term: string, count: number, overrides: Partial<Theme> = {}): Theme {
  return { term, count, lowShare: 0, change: 0, forms: [term], ...overrides };
}

/**
 * A period's themes: "formulier" (5, merged with "formulieren", 2 more than before), "traag" (3,
 * all rated 1–2, new) and the pair "te lang" (4, half rated 1–2, one fewer), against the 8
 * comments of the same span before it.
 */
export function themes(overrides: Partial<Themes> = {}): Themes {
  return ThemesSchema.parse({
    serviceId: 'omgevingsloket',
    from: PERIOD.from,
    to: PERIOD.to,
    comments: 12,
    previous: { from: '2025-07-17', to: '2025-12-31', comments: 8 },
    words: [
      theme('formulier', 5, { lowShare: 0.2, change: 2, forms: ['formulier', 'formulieren'] }),
      theme('traag', 3, { lowShare: 1, change: 3 }),
    ],
    pairs: [theme('te lang', 4, { lowShare: 0.5, change: -1 })],
    ...overrides,
  });
}

// Triage

/** The organisation's tags in use, most used first. */
export function tagSuggestions(
  tags: TagSuggestions['tags'] = [
    { tag: 'formulier', count: 4 },
    { tag: 'wachttijd', count: 2 },
  ],
): TagSuggestions {
  return TagSuggestionsSchema.parse({ tags });
}

let nextComment = 0;

/** A comment as the listing returns it. */
export function comment(text: string, overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  const n = nextComment++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    serviceId: 'omgevingsloket',
    createdAt: '2026-03-02T09:30:00.000Z',
    day: '2026-03-02',
    rating: 2,
    comment: text,
    lang: 'nl',
    outcome: 'completed',
    step: null,
    page: null,
    redactions: 0,
    channel: 'web',
    reasons: [],
    status: 'new',
    tags: [],
    note: null,
    ...overrides,
  };
}

export function feedbackPage(
  items: FeedbackItem[],
  nextCursor: string | null = null,
): FeedbackPage {
  return FeedbackPageSchema.parse({
    serviceId: 'omgevingsloket',
    from: PERIOD.from,
    to: PERIOD.to,
    items,
    nextCursor,
  });
}

const boxes: HTMLElement[] = [];

/**
 * Renders `template` and returns its element with every event of `types` that bubbled out of it,
 * recorded from before the first render (an element may fire during its first load).
 */
export async function mount<E extends Element>(
  template: TemplateResult,
  ...types: (keyof GlobalEventHandlersEventMap)[]
): Promise<{ el: E; events: CustomEvent[] }> {
  const events: CustomEvent[] = [];
  const box = document.createElement('div');
  for (const type of types)
    box.addEventListener(type, (event) => events.push(event as CustomEvent));
  document.body.append(box);
  boxes.push(box);
  const el = await fixture<E>(template, { parentNode: box });
  return { el, events };
}

/** Removes what {@link mount} added (fixtureCleanup removes only the fixtures themselves). */
export function removeBoxes(): void {
  for (const box of boxes.splice(0)) box.remove();
}

/** Text of an element's shadow root, with runs of white space as one space. */
export function textOf(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The body rows of the element's table, each as the text of its cells. */
export function tableRows(element: Element): string[][] {
  return [...element.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/** Waits until `check` returns something truthy (an element rendered, an answer shown). */
export async function until<T>(check: () => T | null | undefined | false, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
