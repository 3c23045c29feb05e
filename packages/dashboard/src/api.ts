import type {
  Action,
  ActionChange,
  AlertList,
  AlertQuery,
  ActionCreate,
  ActionList,
  Channel,
  Explanation,
  FieldError,
  ReportSubmission,
  ReportSubmissions,
  FeedbackItem,
  FeedbackPage,
  Me,
  Overview,
  RedactRequest,
  ServiceConfig,
  ServiceInfo,
  Summary,
  TagSuggestions,
  Themes,
  ThemeSort,
  TriageChange,
  WebhookCreate,
  WebhookCreated,
  WebhookList,
  DeliveryList,
} from '@vo-feedback/shared';
import type { Period } from './period.ts';
import { OrganisationApi } from './organisation-api.ts';
import { credentialsFor, type Credential } from './credentials.ts';

// Here for the views that import it from the API they call with it.
export { mapLimited } from './map-limited.ts';

/** Why a request failed, in the terms the interface explains to the user. */
export type FailureKind =
  'unauthorized' | 'forbidden' | 'not-found' | 'too-large' | 'invalid' | 'network' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    detail: string,
    /** A problem's field errors: each field and how to fix it (400 answers). */
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

function kindOf(status: number): FailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // 422: more rows than one Excel sheet holds.
  if (status === 422) return 'too-large';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

export type Query = Record<string, string | number | undefined>;

/** A period as the query of a request (only its two days: the collector refuses other keys). */
function periodQuery(period: Period): Query {
  return { from: period.from, to: period.to };
}

/** The path of one of a service's resources: `/services/<id>/<resource>`. */
export function servicePath(serviceId: string, resource: string): string {
  return `/services/${encodeURIComponent(serviceId)}/${resource}`;
}

/** The path of one comment of a service: `/services/<id>/feedback/<feedbackId>`. */
function feedbackPath(serviceId: string, feedbackId: string): string {
  return servicePath(serviceId, `feedback/${encodeURIComponent(feedbackId)}`);
}

/** The path of one improvement action: `/services/<id>/actions/<actionId>`. */
function actionPath(serviceId: string, actionId: string): string {
  return servicePath(serviceId, `actions/${encodeURIComponent(actionId)}`);
}

/** A new improvement action: a title, and whatever else the form gave (the collector defaults). */
export type ActionDraft = Pick<ActionCreate, 'title'> & Partial<Omit<ActionCreate, 'title'>>;

/** Whose explanation: a service's, or its organisation's. */
export type ExplanationScope = Explanation['scope'];

/** `/services/<id>/explanations/<year>` or `/organisations/<id>/explanations/<year>`. */
function explanationPath(scope: ExplanationScope, subjectId: string, year: number): string {
  const owner = scope === 'service' ? 'services' : 'organisations';
  return `/${owner}/${encodeURIComponent(subjectId)}/explanations/${year}`;
}

/** Where one frozen version of a report is downloaded (with `format=json|html`). */
export function submissionPath(year: number, organisationId: string, version: number): string {
  return `/reports/annual/${year}/submissions/${encodeURIComponent(organisationId)}/${version}`;
}

/** The file name a `Content-Disposition` header gives, if any. */
export function attachmentName(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/**
 * The collector's provider and steering API, as this signed-in browser tab calls it: with a
 * token, or in a person's session. A token travels only in the `Authorization` header — never in
 * a URL, where logs and history keep it — and no cookie goes with it.
 */
export class DashboardApi {
  /** Called once when the collector stops accepting the token or the session. */
  onUnauthorized: (() => void) | undefined;
  /** The organisation's e-mail subscriptions, and a manager's services, people and tokens. */
  readonly organisation: OrganisationApi = new OrganisationApi(this);

  constructor(
    /** A bearer token, or the CSRF token of a person's session (credentials.ts). */
    readonly credential: Credential,
    private readonly base = '/api/v1',
  ) {}

  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.base}${path}${search ? `?${search}` : ''}`;
  }

  async request(
    path: string,
    query: Query = {},
    signal?: AbortSignal,
    { method = 'GET', body }: { method?: string; body?: unknown } = {},
  ): Promise<Response> {
    let response: Response;
    const { headers, credentials } = credentialsFor(this.credential, method);
    try {
      response = await fetch(this.url(path, query), {
        method,
        headers: {
          ...headers,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials,
        // no-store: comments are not cached.
        cache: 'no-store',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('network', 0, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      let detail = response.statusText;
      let errors: FieldError[] = [];
      try {
        const body = (await response.json()) as { detail?: unknown; errors?: unknown };
        if (typeof body.detail === 'string') detail = body.detail;
        if (Array.isArray(body.errors)) errors = body.errors as FieldError[];
      } catch {
        // not a problem document
      }
      const failure = new ApiError(kindOf(response.status), response.status, detail, errors);
      if (failure.kind === 'unauthorized') this.onUnauthorized?.();
      throw failure;
    }
    return response;
  }

  async json<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    const response = await this.request(path, query, signal);
    return (await response.json()) as T;
  }

  /** Sends `body` as JSON with `method` (POST, PUT, PATCH) and reads the JSON answer. */
  async send<T>(method: string, path: string, body: unknown): Promise<T> {
    const response = await this.request(path, {}, undefined, { method, body });
    return (await response.json()) as T;
  }

  /** The token's role, asked before anything else so that steering never requests comments. */
  me(signal?: AbortSignal): Promise<Me> {
    return this.json<Me>('/me', {}, signal);
  }

  services(signal?: AbortSignal): Promise<ServiceInfo[]> {
    return this.json<ServiceInfo[]>('/services', {}, signal);
  }

  summary(serviceId: string, period: Period, signal?: AbortSignal): Promise<Summary> {
    return this.json<Summary>(servicePath(serviceId, 'summary'), periodQuery(period), signal);
  }

  /** The period's themes, ordered by `sort` (most comments, share rated 1–2, or rising). */
  themes(
    serviceId: string,
    period: Period,
    signal?: AbortSignal,
    sort: ThemeSort = 'count',
  ): Promise<Themes> {
    const query = { ...periodQuery(period), sort };
    return this.json<Themes>(servicePath(serviceId, 'themes'), query, signal);
  }

  /** One page of the comment listing; `query` holds the filter, the limit and the cursor. */
  feedback(serviceId: string, query: Query, signal?: AbortSignal): Promise<FeedbackPage> {
    return this.json<FeedbackPage>(servicePath(serviceId, 'feedback'), query, signal);
  }

  // Triage

  /** Changes a comment's status, tags or internal note; answers the comment as it is now. */
  triage(serviceId: string, feedbackId: string, change: TriageChange): Promise<FeedbackItem> {
    return this.send<FeedbackItem>('PATCH', feedbackPath(serviceId, feedbackId), change);
  }

  /** The tags in use in the service's organisation, most used first. */
  tags(serviceId: string, signal?: AbortSignal): Promise<TagSuggestions> {
    return this.json<TagSuggestions>(servicePath(serviceId, 'tags'), {}, signal);
  }

  /** Erases a submission: gone from listings, exports and every figure. */
  async erase(serviceId: string, feedbackId: string): Promise<void> {
    await this.request(feedbackPath(serviceId, feedbackId), {}, undefined, { method: 'DELETE' });
  }

  /** Replaces every occurrence of `text` in a comment by `[verwijderd]`; answers the comment. */
  redact(serviceId: string, feedbackId: string, text: string): Promise<FeedbackItem> {
    const body: RedactRequest = { text };
    return this.send<FeedbackItem>('POST', `${feedbackPath(serviceId, feedbackId)}/redact`, body);
  }

  /**
   * Every service within reach side by side for `year` (steering: every organisation's active
   * services; a provider: its own), with the flags that say where to look.
   */
  overview(year: number, signal?: AbortSignal): Promise<Overview> {
    return this.json<Overview>('/overview', { year }, signal);
  }

  /**
   * The alerts within the token's reach (a provider its organisation's, steering all), newest
   * first: one service's with `serviceId`, raised on the days `from`–`to`.
   */
  alerts(query: AlertQuery, signal?: AbortSignal): Promise<AlertList> {
    return this.json<AlertList>('/alerts', { ...query }, signal);
  }

  /** The service's public configuration: its reasons with their labels in every language. */
  serviceConfig(serviceId: string, signal?: AbortSignal): Promise<ServiceConfig> {
    return this.json<ServiceConfig>(`/public${servicePath(serviceId, 'config')}`, {}, signal);
  }

  /**
   * The QR code of the service's hosted feedback page for one channel, as SVG text: fetched with
   * the token in the header, so that it can be shown as a `data:` image (an `<img src>` of the
   * route itself would need the token in its URL).
   */
  async qrCode(serviceId: string, channel: Channel, signal?: AbortSignal): Promise<string> {
    const response = await this.request(servicePath(serviceId, 'qr.svg'), { channel }, signal);
    return response.text();
  }

  /**
   * The hosted feedback page a QR code opens: `<origin>/f/<serviceId>?channel=<channel>`. The
   * collector puts its PUBLIC_URL there, or the origin it was asked on — the origin this
   * dashboard is served from and calls the API on.
   */
  hostedPageAddress(serviceId: string, channel: Channel): string {
    const origin = new URL(this.url(''), document.baseURI).origin;
    const query = new URLSearchParams({ channel });
    return `${origin}/f/${encodeURIComponent(serviceId)}?${query}`;
  }

  // Acting: actions, explanations, hand-in

  /** The service's improvement actions ("Wat we verbeteren"), newest first. */
  actions(serviceId: string, signal?: AbortSignal): Promise<ActionList> {
    return this.json<ActionList>(servicePath(serviceId, 'actions'), {}, signal);
  }

  createAction(serviceId: string, draft: ActionDraft): Promise<Action> {
    return this.send<Action>('POST', servicePath(serviceId, 'actions'), draft);
  }

  changeAction(serviceId: string, actionId: string, change: ActionChange): Promise<Action> {
    return this.send<Action>('PATCH', actionPath(serviceId, actionId), change);
  }

  async deleteAction(serviceId: string, actionId: string): Promise<void> {
    await this.request(actionPath(serviceId, actionId), {}, undefined, { method: 'DELETE' });
  }

  explanation(
    scope: ExplanationScope,
    subjectId: string,
    year: number,
    signal?: AbortSignal,
  ): Promise<Explanation> {
    return this.json<Explanation>(explanationPath(scope, subjectId, year), {}, signal);
  }

  /** Saves the explanation of a service or organisation for a year; an empty text removes it. */
  saveExplanation(
    scope: ExplanationScope,
    subjectId: string,
    year: number,
    text: string,
  ): Promise<Explanation> {
    return this.send<Explanation>('PUT', explanationPath(scope, subjectId, year), { text });
  }

  /** A provider's frozen versions of the year's report; steering's row per organisation. */
  submissions(year: number, signal?: AbortSignal): Promise<ReportSubmissions> {
    return this.json<ReportSubmissions>(`/reports/annual/${year}/submissions`, {}, signal);
  }

  /** Hands in the provider's annual report of `year`: freezes it as it is now. */
  submitReport(year: number): Promise<ReportSubmission> {
    return this.send<ReportSubmission>('POST', `/reports/annual/${year}/submissions`, undefined);
  }

  // Webhooks: the provider's organisation's (steering has none)

  webhooks(signal?: AbortSignal): Promise<WebhookList> {
    return this.json<WebhookList>('/webhooks', {}, signal);
  }

  /** Adds a webhook; the answer holds its secret, which is never shown again. */
  createWebhook(webhook: WebhookCreate): Promise<WebhookCreated> {
    return this.send<WebhookCreated>('POST', '/webhooks', webhook);
  }

  async deleteWebhook(id: string): Promise<void> {
    await this.request(`/webhooks/${encodeURIComponent(id)}`, {}, undefined, { method: 'DELETE' });
  }

  /** The webhook's recent deliveries, newest first. */
  deliveries(id: string, signal?: AbortSignal): Promise<DeliveryList> {
    return this.json<DeliveryList>(`/webhooks/${encodeURIComponent(id)}/deliveries`, {}, signal);
  }

  /** Queues a delivery again (202, no body); a disabled webhook is enabled again. */
  async resendDelivery(id: string, deliveryId: string): Promise<void> {
    const path = `/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}`;
    await this.request(`${path}/resend`, {}, undefined, { method: 'POST' });
  }

  /**
   * Fetches a file with the token in the header and hands it to the browser as a download through
   * a short-lived object URL. Returns the file name.
   */
  async download(path: string, query: Query, fallbackName: string): Promise<string> {
    const response = await this.request(path, query);
    const blob = await response.blob();
    const name = attachmentName(response.headers.get('content-disposition')) ?? fallbackName;
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // The click has started the download synchronously; the URL can go once the task ends.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return name;
  }
}
