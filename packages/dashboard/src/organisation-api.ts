// The organisation's own business, as the dashboard calls it: its e-mail subscriptions (a
// provider or manager), and for a manager its services' settings, its people and its tokens
// (the admin API, which the collector scopes to the manager's own organisation). Every call goes
// through DashboardApi.request, so it signs in the way the dashboard does (token or session).
import type {
  AdminService,
  Person,
  PersonRequest,
  ServiceUpdate,
  Subscription,
  SubscriptionCreate,
  SubscriptionList,
  TokenCreated,
  TokenInfo,
} from '@vo-feedback/shared';
import type { DashboardApi } from './api.ts';

/** A token a manager asks for: its own organisation's, to read (`provider`) or to send feedback. */
export interface TokenDraft {
  label: string;
  role: 'provider' | 'ingest';
}

/** A service a manager adds to its own organisation (the collector fills in the organisation). */
export interface ServiceDraft {
  id: string;
  name: string;
  allowedOrigins: string[];
}

const item = (resource: string, id: string) => `${resource}/${encodeURIComponent(id)}`;

export class OrganisationApi {
  constructor(private readonly api: DashboardApi) {}

  async #delete(path: string): Promise<void> {
    await this.api.request(path, {}, undefined, { method: 'DELETE' });
  }

  // E-mail subscriptions: the organisation's (providers and managers; steering has none)

  /** The organisation's subscriptions, oldest first. */
  subscriptions(signal?: AbortSignal): Promise<SubscriptionList> {
    return this.api.json<SubscriptionList>('/subscriptions', {}, signal);
  }

  createSubscription(subscription: SubscriptionCreate): Promise<Subscription> {
    return this.api.send<Subscription>('POST', '/subscriptions', subscription);
  }

  deleteSubscription(id: string): Promise<void> {
    return this.#delete(item('/subscriptions', id));
  }

  // The organisation's administration (a manager: the collector answers within its organisation)

  /** The organisation's services with their settings, by id. */
  services(signal?: AbortSignal): Promise<AdminService[]> {
    return this.api.json<AdminService[]>('/admin/services', {}, signal);
  }

  addService(service: ServiceDraft): Promise<AdminService> {
    return this.api.send<AdminService>('POST', '/admin/services', service);
  }

  /** Changes only the settings given; answers the service as it is now. */
  changeService(id: string, changes: ServiceUpdate): Promise<AdminService> {
    return this.api.send<AdminService>('PATCH', item('/admin/services', id), changes);
  }

  /** The people of the organisation, by e-mail address. */
  people(signal?: AbortSignal): Promise<Person[]> {
    return this.api.json<Person[]>('/admin/people', {}, signal);
  }

  registerPerson(person: PersonRequest): Promise<Person> {
    return this.api.send<Person>('POST', '/admin/people', person);
  }

  /** Removes a person; every session of theirs ends at once. */
  removePerson(id: string): Promise<void> {
    return this.#delete(item('/admin/people', id));
  }

  /** The organisation's tokens, oldest first: never the token itself. */
  tokens(signal?: AbortSignal): Promise<TokenInfo[]> {
    return this.api.json<TokenInfo[]>('/admin/tokens', {}, signal);
  }

  /** Creates a token; the answer holds the token, which is never shown again. */
  createToken(token: TokenDraft): Promise<TokenCreated> {
    return this.api.send<TokenCreated>('POST', '/admin/tokens', token);
  }

  /** Revokes a token: its very next request is refused. */
  revokeToken(id: string): Promise<void> {
    return this.#delete(item('/admin/tokens', id));
  }
}
