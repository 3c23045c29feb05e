import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { AuthSession, Role, ServiceInfo, SignedInPerson } from '@vo-feedback/shared';
import { ApiError, DashboardApi } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { states } from '../element.ts';
import { failureMessage, retryable } from '../errors.ts';
import { Formats } from '../format.ts';
import { catalogs, isLanguage, type Language } from '../i18n/catalogs.ts';
import { brusselsToday, presetPeriod, type Period } from '../period.ts';
import { parseRoute, routeHash, type Route } from '../routes.ts';
import { forgetToken, storedLanguage, storedToken, storeLanguage, storeToken } from '../session.ts';
import { authSession, signOutSession } from '../sign-in-api.ts';
import { bannerTools } from './banner-tools.ts';
import { documentTitle } from './document-title.ts';
import { navigation } from './navigation.ts';
import { organisationView } from './organisation-views.ts';
import { styles } from './vo-dashboard.styles.ts';

/** MIN_PUBLIC_N until `/me` tells the collector's own (the collector's default too). */
const DEFAULT_MINIMUM_N = 10;

/** Something to focus after a render: each view offers its heading. */
interface Focusable extends HTMLElement {
  focusHeading(): void;
}

/**
 * The dashboard's shell: sign-in and sign-out, the language, the hash route, and which view shows.
 * It owns the token (sessionStorage only) or, for a person signed in with OpenID Connect, the
 * session's CSRF token (the session cookie is the browser's, HttpOnly), and hands every view a
 * {@link DashboardContext}.
 *
 * Accessibility criteria:
 * - a skip link to the main content, a banner and one main landmark;
 * - after every navigation the new view's `h1` takes focus, and the document title names the view;
 * - sign-in, sign-out and an expired token are announced in a status region that is always rendered;
 * - the language switch sets `lang` on the document, so screen readers pronounce the page right.
 *
 * @summary The providers' dashboard of vo-feedback.
 * @tagname vo-dashboard
 */
export class VoDashboard extends LitElement {
  static override styles = styles;

  static override properties = {
    ...states(
      '_api',
      '_language',
      '_services',
      '_servicesError',
      '_role',
      '_minimumN',
      '_roleKnown',
      '_route',
      '_notice',
      '_oidc',
      '_person',
    ),
  };

  declare private _api: DashboardApi | undefined;
  declare private _language: Language;
  declare private _services: ServiceInfo[] | undefined;
  declare private _servicesError: unknown;
  declare private _role: Role;
  declare private _minimumN: number;
  declare private _roleKnown: boolean;
  declare private _route: Route;
  declare private _notice: string;
  /** Whether the collector signs people in with OpenID Connect; undefined until it said so. */
  declare private _oidc: boolean | undefined;
  /** The person of this browser's session; null with a token. */
  declare private _person: SignedInPerson | null;
  #focusAfterRender = false;
  #context: DashboardContext | undefined;

  constructor() {
    super();
    const language = storedLanguage();
    this._language = isLanguage(language) ? language : 'nl';
    this._route = parseRoute(location.hash);
    this._role = 'provider';
    this._minimumN = DEFAULT_MINIMUM_N;
    this._roleKnown = false;
    this._notice = '';
    this._servicesError = undefined;
    this._person = null;
    this._oidc = undefined;
    const token = storedToken();
    if (token) this.#useToken(token);
    else void this.#checkSession();
  }

  /** A session of this browser (signed in at the issuer), or the sign-in the collector offers. */
  async #checkSession() {
    const session = await authSession();
    if (this._api) return;
    this._oidc = session.oidc;
    if (session.person && session.csrfToken) this.#useSession(session, session.person);
  }

  #useSession(session: AuthSession, person: SignedInPerson) {
    const api = new DashboardApi({ csrfToken: session.csrfToken ?? '' });
    api.onUnauthorized = () => this.#signOut(catalogs[this._language].personSessionExpired);
    this._person = person;
    this._api = api;
    this._roleKnown = false;
    this.#focusAfterRender = true;
    void this.#loadRole(api);
    void this.#loadServices();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.#onHashChange);
    super.disconnectedCallback();
  }

  #onHashChange = () => {
    this._route = parseRoute(location.hash);
    this.#focusAfterRender = true;
  };

  #useToken(token: string, services?: ServiceInfo[]) {
    const api = new DashboardApi(token);
    api.onUnauthorized = () => this.#signOut(catalogs[this._language].sessionExpired);
    this._api = api;
    this._roleKnown = false;
    void this.#loadRole(api);
    if (services) this.#setServices(services);
    else void this.#loadServices();
  }

  /** No view is shown before the role is known: a steering token must never ask for comments. */
  async #loadRole(api: DashboardApi) {
    await this.#ask(api, api.me(), (me) => {
      this._role = me.role;
      this._minimumN = me.minimumN;
      this._roleKnown = true;
    });
  }

  #setServices(services: ServiceInfo[]) {
    this._services = services;
    this._servicesError = undefined;
  }

  async #loadServices() {
    const api = this._api;
    if (!api) return;
    this._servicesError = undefined;
    await this.#ask(api, api.services(), (services) => this.#setServices(services));
  }

  /**
   * Uses an answer for the token that asked, if it is still the one signed in. A failure shows
   * in place of the views, except a refused token: `onUnauthorized` signs out and says why.
   */
  async #ask<T>(api: DashboardApi, answer: Promise<T>, use: (value: T) => void) {
    try {
      const value = await answer;
      if (api === this._api) use(value);
    } catch (error) {
      if (api === this._api && !(error instanceof ApiError && error.kind === 'unauthorized')) {
        this._servicesError = error;
      }
    }
  }

  #signedIn = (event: CustomEvent<{ token: string; services: ServiceInfo[] }>) => {
    storeToken(event.detail.token);
    this._notice = '';
    this.#useToken(event.detail.token, event.detail.services);
    this.#focusAfterRender = true;
  };

  /**
   * Signs a person out: the collector ends the session, then the browser goes where it says (the
   * issuer's end-session page, which signs out there too and comes back to the dashboard).
   */
  async #signOutPerson() {
    const t = catalogs[this._language];
    this._notice = t.signingOut;
    // The session's CSRF token is the one its API sends with every change.
    const credential = this._api?.credential;
    const csrfToken = typeof credential === 'object' ? credential.csrfToken : '';
    try {
      const next = await signOutSession(csrfToken);
      this.#signOut(t.personSignedOut);
      location.assign(next);
    } catch (error) {
      this._notice = failureMessage(t, error);
    }
  }

  #signOut(notice: string) {
    forgetToken();
    this._person = null;
    if (this._api) this._api.onUnauthorized = undefined;
    this._api = undefined;
    this._services = undefined;
    this._servicesError = undefined;
    this._role = 'provider';
    this._notice = notice;
    this.#focusAfterRender = true;
    // Signed in with a stored token, the shell never asked which sign-in the collector offers.
    if (this._oidc === undefined) void this.#checkSession();
  }

  #onLanguage = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLanguage(value)) return;
    this._language = value;
    storeLanguage(value);
  };

  #onRoleDiscovered = (event: CustomEvent<{ role: Role }>) => {
    this._role = event.detail.role;
  };

  #onPeriodChange = (event: CustomEvent<{ period: Period }>) => {
    if (this._route.view !== 'service') return;
    const route: Route = { ...this._route, period: event.detail.period };
    // replaceState: a period change is a refinement of the view, not a new page in history, and
    // it must not move focus away from the period form.
    history.replaceState(null, '', routeHash(route));
    this._route = route;
  };

  #skipToMain = (event: Event) => {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  };

  #currentContext(): DashboardContext | undefined {
    if (!this._api || !this._roleKnown) return undefined;
    const today = brusselsToday();
    const current = this.#context;
    if (
      current &&
      current.api === this._api &&
      current.language === this._language &&
      current.role === this._role &&
      current.minimumN === this._minimumN &&
      current.today === today &&
      current.person === this._person
    ) {
      return current;
    }
    this.#context = {
      api: this._api,
      language: this._language,
      t: catalogs[this._language],
      f: new Formats(this._language),
      role: this._role,
      minimumN: this._minimumN,
      today,
      person: this._person,
    };
    return this.#context;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_language')) document.documentElement.lang = this._language;
  }

  protected override updated(): void {
    document.title = documentTitle(catalogs[this._language], {
      signedIn: this._api !== undefined,
      route: this._route,
      services: this._services,
      role: this._role,
    });
    // Focus waits for the view itself: after sign-in a loading message comes first.
    if (this.#focusAfterRender && this.renderRoot.querySelector('[data-view]')) {
      this.#focusAfterRender = false;
      void this.#focusView();
    }
  }

  async #focusView() {
    const view = this.renderRoot.querySelector<Focusable>('[data-view]');
    if (!view) return;
    await (view as unknown as LitElement).updateComplete;
    view.focusHeading();
  }

  override render() {
    const t = catalogs[this._language];
    const context = this.#currentContext();
    return html`
      <a class="skip" href="#main" @click=${this.#skipToMain}>${t.skipLink}</a>
      <header class="banner">
        <div class="banner-inner">
          <p class="brand">
            <span class="brand-name">vo-feedback</span>
            <span class="brand-app">${t.appName}</span>
          </p>
          ${bannerTools(t, {
            language: this._language,
            onLanguage: this.#onLanguage,
            signedIn: context && {
              person: this._person,
              role: this._role,
              onSignOut: () =>
                this._person ? void this.#signOutPerson() : this.#signOut(t.signedOut),
            },
          })}
        </div>
        ${context ? navigation(t, this._route, this._role, this._person) : nothing}
      </header>
      <main id="main" tabindex="-1">
        <div class="notice" role="status">
          ${this._notice ? html`<p class="message">${this._notice}</p>` : nothing}
        </div>
        ${
          context
            ? this.#view(context)
            : this._api
              ? this._servicesError
                ? this.#servicesFailed()
                : html`<p role="status">${catalogs[this._language].loading}</p>`
              : this._oidc === undefined
                ? html`<p role="status">${catalogs[this._language].signInChecking}</p>`
                : this.#signIn()
        }
      </main>
    `;
  }

  #signIn() {
    return html`<vo-sign-in
      data-view
      .messages=${catalogs[this._language]}
      .oidc=${this._oidc ?? false}
      @vo-signed-in=${this.#signedIn}
    ></vo-sign-in>`;
  }

  #servicesFailed() {
    const t = catalogs[this._language];
    return html`<div class="message is-error" role="alert">
      <p>${failureMessage(t, this._servicesError)}</p>
      ${
        retryable(this._servicesError)
          ? html`<button @click=${this.#retry}>${t.retry}</button>`
          : nothing
      }
    </div>`;
  }

  #retry = () => {
    const api = this._api;
    if (!api) return;
    this._servicesError = undefined;
    if (!this._roleKnown) void this.#loadRole(api);
    void this.#loadServices();
  };

  #view(context: DashboardContext) {
    const t = context.t;
    if (this._servicesError !== undefined) return this.#servicesFailed();
    if (!this._services) return html`<p role="status">${t.loadingFigures}</p>`;
    const route = this._route;
    if (route.view === 'service') {
      const service = this._services.find((s) => s.id === route.serviceId);
      if (!service) {
        return html`<div class="message is-error" role="alert">
          <p>${t.notFound}</p>
          <p><a href="#/">${t.allServices}</a></p>
        </div>`;
      }
      return html`<vo-service-report
        data-view
        .context=${context}
        .service=${service}
        .period=${route.period ?? presetPeriod('this-year', context.today)}
        @vo-period-change=${this.#onPeriodChange}
        @vo-role-discovered=${this.#onRoleDiscovered}
      ></vo-service-report>`;
    }
    if (route.view === 'overview') {
      return html`<vo-overview data-view .context=${context}></vo-overview>`;
    }
    const own = organisationView(route, context, this._services, () => void this.#loadServices());
    if (own) return own;
    return html`<vo-service-list
      data-view
      .context=${context}
      .services=${this._services}
    ></vo-service-list>`;
  }
}
