// The organisation's part of the API fake (e-mail subscriptions; a manager's services, people and
// tokens): `FakeApi` (fake-api.ts) gives it its answerer, so that these calls are recorded and
// answered like every other.
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
import type { DashboardApi } from '../src/api.ts';
import { OrganisationApi, type ServiceDraft, type TokenDraft } from '../src/organisation-api.ts';

type Answer<T> = T | Promise<T>;

/** What the fake answers to the organisation's methods; a throwing answer is a failed request. */
export interface OrganisationAnswers {
  subscriptions(): Answer<SubscriptionList>;
  createSubscription(subscription: SubscriptionCreate): Answer<Subscription>;
  deleteSubscription(id: string): Answer<void>;
  adminServices(): Answer<AdminService[]>;
  addService(service: ServiceDraft): Answer<AdminService>;
  changeService(id: string, changes: ServiceUpdate): Answer<AdminService>;
  people(): Answer<Person[]>;
  registerPerson(person: PersonRequest): Answer<Person>;
  removePerson(id: string): Answer<void>;
  tokens(): Answer<TokenInfo[]>;
  createToken(token: TokenDraft): Answer<TokenCreated>;
  revokeToken(id: string): Answer<void>;
}

/** Records a call of `method` and answers it from the fixtures (an aborted call rejects). */
export type OrganisationAnswerer = <M extends keyof OrganisationAnswers>(
  method: M,
  args: Parameters<OrganisationAnswers[M]>,
  signal: AbortSignal | undefined,
) => Promise<Awaited<ReturnType<OrganisationAnswers[M]>>>;

export class FakeOrganisationApi extends OrganisationApi {
  constructor(
    api: DashboardApi,
    private readonly answer: OrganisationAnswerer,
  ) {
    super(api);
  }

  override subscriptions(signal?: AbortSignal) {
    return this.answer('subscriptions', [], signal);
  }

  override createSubscription(subscription: SubscriptionCreate) {
    return this.answer('createSubscription', [subscription], undefined);
  }

  override deleteSubscription(id: string) {
    return this.answer('deleteSubscription', [id], undefined);
  }

  /** `adminServices` in the answers: `services` there is the provider's list. */
  override services(signal?: AbortSignal) {
    return this.answer('adminServices', [], signal);
  }

  override addService(service: ServiceDraft) {
    return this.answer('addService', [service], undefined);
  }

  override changeService(id: string, changes: ServiceUpdate) {
    return this.answer('changeService', [id, changes], undefined);
  }

  override people(signal?: AbortSignal) {
    return this.answer('people', [], signal);
  }

  override registerPerson(person: PersonRequest) {
    return this.answer('registerPerson', [person], undefined);
  }

  override removePerson(id: string) {
    return this.answer('removePerson', [id], undefined);
  }

  override tokens(signal?: AbortSignal) {
    return this.answer('tokens', [], signal);
  }

  override createToken(token: TokenDraft) {
    return this.answer('createToken', [token], undefined);
  }

  override revokeToken(id: string) {
    return this.answer('revokeToken', [id], undefined);
  }
}
