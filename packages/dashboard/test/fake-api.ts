// The dashboard's API as the element tests see it: a typed fake with canned answers per method,
// which records every call. The answers themselves are in fixtures.ts (and acting.ts), shaped by
// the shared contract.
import type {
  AlertList,
  AlertQuery,
  Channel,
  FeedbackItem,
  FeedbackPage,
  Overview,
  ServiceConfig,
  ServiceInfo,
  Summary,
  TagSuggestions,
  Themes,
  ThemeSort,
  TriageChange,
  DeliveryList,
  WebhookCreate,
  WebhookCreated,
  WebhookList,
} from '@vo-feedback/shared';
import type { Query } from '../src/api.ts';
import type { Period } from '../src/period.ts';
import { ActingFakeApi, type ActingAnswers, type Answerer } from './acting.ts';
import { FakeOrganisationApi, type OrganisationAnswers } from './organisation.ts';

/** What the fake answers, per method; a throwing answer is a failed request. */
export interface Answers extends ActingAnswers, OrganisationAnswers {
  services(): ServiceInfo[] | Promise<ServiceInfo[]>;
  summary(serviceId: string, period: Period): Summary | Promise<Summary>;
  themes(serviceId: string, period: Period, sort: ThemeSort): Themes | Promise<Themes>;
  feedback(serviceId: string, query: Query): FeedbackPage | Promise<FeedbackPage>;
  serviceConfig(serviceId: string): ServiceConfig | Promise<ServiceConfig>;
  overview(year: number): Overview | Promise<Overview>;
  alerts(query: AlertQuery): AlertList | Promise<AlertList>;
  qrCode(serviceId: string, channel: Channel): string | Promise<string>;
  download(path: string, query: Query, fallbackName: string): string | Promise<string>;
  // Triage
  triage(
    serviceId: string,
    feedbackId: string,
    change: TriageChange,
  ): FeedbackItem | Promise<FeedbackItem>;
  tags(serviceId: string): TagSuggestions | Promise<TagSuggestions>;
  erase(serviceId: string, feedbackId: string): void | Promise<void>;
  redact(serviceId: string, feedbackId: string, text: string): FeedbackItem | Promise<FeedbackItem>;
  // Webhooks
  webhooks(): WebhookList | Promise<WebhookList>;
  createWebhook(webhook: WebhookCreate): WebhookCreated | Promise<WebhookCreated>;
  deleteWebhook(id: string): void | Promise<void>;
  deliveries(id: string): DeliveryList | Promise<DeliveryList>;
  resendDelivery(id: string, deliveryId: string): void | Promise<void>;
}

/** One call the element made: the method, its arguments and its abort signal. */
export interface Call {
  method: keyof Answers;
  args: unknown[];
  signal: AbortSignal | undefined;
}

/**
 * The dashboard's API with canned answers instead of requests. An aborted call rejects as fetch
 * does (AbortError), so the elements' handling of replaced requests is exercised too.
 */
export class FakeApi extends ActingFakeApi {
  readonly calls: Call[] = [];
  protected override answerFor: Answerer = (m, args, signal) => this.#answer(m, args, signal);
  override readonly organisation: FakeOrganisationApi = new FakeOrganisationApi(
    this,
    (m, args, signal) => this.#answer(m, args, signal),
  );

  constructor(private readonly answers: Partial<Answers> = {}) {
    super('vof_test');
  }

  override request(path: string): Promise<Response> {
    return Promise.reject(new Error(`No fixture answers ${path}.`));
  }

  override services(signal?: AbortSignal) {
    return this.#answer('services', [], signal);
  }

  override summary(serviceId: string, period: Period, signal?: AbortSignal) {
    return this.#answer('summary', [serviceId, period], signal);
  }

  override themes(
    serviceId: string,
    period: Period,
    signal?: AbortSignal,
    sort: ThemeSort = 'count',
  ) {
    return this.#answer('themes', [serviceId, period, sort], signal);
  }

  override feedback(serviceId: string, query: Query, signal?: AbortSignal) {
    return this.#answer('feedback', [serviceId, query], signal);
  }

  override serviceConfig(serviceId: string, signal?: AbortSignal) {
    return this.#answer('serviceConfig', [serviceId], signal);
  }

  override overview(year: number, signal?: AbortSignal) {
    return this.#answer('overview', [year], signal);
  }

  /** Without an answer of the test's own: no alert (the report asks on every service). */
  override alerts(query: AlertQuery, signal?: AbortSignal) {
    if (!this.answers.alerts) this.answers.alerts = () => ({ alerts: [] });
    return this.#answer('alerts', [query], signal);
  }

  override qrCode(serviceId: string, channel: Channel, signal?: AbortSignal) {
    return this.#answer('qrCode', [serviceId, channel], signal);
  }

  override download(path: string, query: Query, fallbackName: string) {
    return this.#answer('download', [path, query, fallbackName], undefined);
  }

  // Triage

  override triage(serviceId: string, feedbackId: string, change: TriageChange) {
    return this.#answer('triage', [serviceId, feedbackId, change], undefined);
  }

  override tags(serviceId: string, signal?: AbortSignal) {
    return this.#answer('tags', [serviceId], signal);
  }

  override erase(serviceId: string, feedbackId: string) {
    return this.#answer('erase', [serviceId, feedbackId], undefined);
  }

  override redact(serviceId: string, feedbackId: string, text: string) {
    return this.#answer('redact', [serviceId, feedbackId, text], undefined);
  }

  // Webhooks

  override webhooks(signal?: AbortSignal) {
    return this.#answer('webhooks', [], signal);
  }

  override createWebhook(webhook: WebhookCreate) {
    return this.#answer('createWebhook', [webhook], undefined);
  }

  override deleteWebhook(id: string) {
    return this.#answer('deleteWebhook', [id], undefined);
  }

  override deliveries(id: string, signal?: AbortSignal) {
    return this.#answer('deliveries', [id], signal);
  }

  override resendDelivery(id: string, deliveryId: string) {
    return this.#answer('resendDelivery', [id, deliveryId], undefined);
  }

  #answer<M extends keyof Answers>(
    method: M,
    args: Parameters<Answers[M]>,
    signal: AbortSignal | undefined,
  ): Promise<Awaited<ReturnType<Answers[M]>>> {
    this.calls.push({ method, args, signal });
    const answer = this.answers[method] as
      ((...args: unknown[]) => Awaited<ReturnType<Answers[M]>>) | undefined;
    return new Promise((resolve, reject) => {
      const aborted = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) return aborted();
      signal?.addEventListener('abort', aborted, { once: true });
      if (!answer) return reject(new Error(`No fixture answers ${method}.`));
      Promise.resolve()
        .then(() => answer(...args))
        .then(resolve, reject);
    });
  }
}

/** A promise to resolve by hand: an answer that arrives when the test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
