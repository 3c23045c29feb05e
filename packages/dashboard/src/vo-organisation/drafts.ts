// Reading the forms of "Organisatie beheren" (a person, a token, a new service): what the manager
// filled in as a request body, or what to fix first; and the collector's field errors by field.
import type { PersonRequest } from '@vo-feedback/shared';
import { fieldErrorsOf } from '../field-errors.ts';
import type { Messages } from '../i18n/catalogs.ts';
import type { ServiceDraft, TokenDraft } from '../organisation-api.ts';

/**
 * Something like an address: text, an @, and a domain with a dot. The collector checks the rest
 * and says so next to the field.
 */
export const LOOKS_LIKE_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A service id as the collector takes it (ServiceIdSchema). */
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/;
/** An origin as the collector takes it (OriginSchema): scheme, host, optional port. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

export type Read<K extends string, T> = { value: T } | { errors: Partial<Record<K, string>> };

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

export type PersonField = 'email' | 'role';

/** A person to register: a provider or a manager of the manager's own organisation. */
export function personFromForm(data: FormData, t: Messages): Read<PersonField, PersonRequest> {
  const email = text(data, 'email');
  const role = text(data, 'role');
  const errors: Partial<Record<PersonField, string>> = {};
  if (!email) errors.email = t.personEmailMissing;
  else if (!LOOKS_LIKE_ADDRESS.test(email)) errors.email = t.personEmailInvalid;
  if (role !== 'provider' && role !== 'manager') errors.role = t.personRoleMissing;
  if (errors.email || errors.role || (role !== 'provider' && role !== 'manager')) {
    return { errors };
  }
  return { value: { email, role } };
}

export const personFieldErrors = (error: unknown) =>
  fieldErrorsOf<PersonField>(error, (head) =>
    head === 'email' ? 'email' : head === 'role' || head === 'organisationId' ? 'role' : undefined,
  );

export type TokenField = 'label' | 'role';

/** A token to create: a provider's (reads) or an ingest token (sends feedback). */
export function tokenFromForm(data: FormData, t: Messages): Read<TokenField, TokenDraft> {
  const label = text(data, 'label');
  const role = text(data, 'role');
  const errors: Partial<Record<TokenField, string>> = {};
  if (!label) errors.label = t.tokenNameMissing;
  if (role !== 'provider' && role !== 'ingest') errors.role = t.tokenRoleMissing;
  if (errors.label || errors.role || (role !== 'provider' && role !== 'ingest')) {
    return { errors };
  }
  return { value: { label, role } };
}

export const tokenFieldErrors = (error: unknown) =>
  fieldErrorsOf<TokenField>(error, (head) =>
    head === 'label' ? 'label' : head === 'role' || head === 'organisationId' ? 'role' : undefined,
  );

/**
 * The allowed origins typed one per line (blank lines skipped), lower-cased as browsers send
 * them; or the message about the first line that is not an origin.
 */
export function originsFromText(
  value: string,
  t: Messages,
): { origins: string[] } | { error: string } {
  const origins = value
    .split('\n')
    .map((line) => line.trim().replace(/\/$/, '').toLowerCase())
    .filter(Boolean);
  const wrong = origins.find((origin) => !ORIGIN.test(origin));
  if (wrong !== undefined) return { error: t.serviceOriginInvalid(wrong) };
  return { origins: [...new Set(origins)] };
}

export type NewServiceField = 'name' | 'id' | 'origins';

/** A service to add to the manager's own organisation. */
export function serviceFromForm(data: FormData, t: Messages): Read<NewServiceField, ServiceDraft> {
  const name = text(data, 'name');
  const id = text(data, 'id');
  const origins = originsFromText(String(data.get('allowedOrigins') ?? ''), t);
  const errors: Partial<Record<NewServiceField, string>> = {};
  if (!name) errors.name = t.serviceNameMissing;
  if (!SERVICE_ID.test(id)) errors.id = t.serviceIdInvalid;
  if ('error' in origins) errors.origins = origins.error;
  if (Object.keys(errors).length > 0 || 'error' in origins) return { errors };
  return { value: { id, name, allowedOrigins: origins.origins } };
}

export const serviceFieldErrors = (error: unknown) =>
  fieldErrorsOf<NewServiceField>(error, (head) =>
    head === 'allowedOrigins' ? 'origins' : head === 'name' || head === 'id' ? head : undefined,
  );
