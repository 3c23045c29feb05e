// How a request of the dashboard says who is asking: a bearer token (no cookie at all), or the
// session of a person signed in with OpenID Connect (the HttpOnly session cookie goes along by
// itself, same origin only, and every request that changes something carries the session's CSRF
// token, which the collector checks).

/** A person's session, as the dashboard holds it: the cookie is the browser's, not ours. */
export interface SessionCredential {
  csrfToken: string;
}

/** A bearer token, or a person's session. */
export type Credential = string | SessionCredential;

/** The headers and cookie policy of a request with `method` under `credential`. */
export function credentialsFor(
  credential: Credential,
  method: string,
): Pick<RequestInit, 'credentials'> & { headers: Record<string, string> } {
  if (typeof credential === 'string') {
    // No cookie is involved; 'omit' keeps it that way.
    return { headers: { authorization: `Bearer ${credential}` }, credentials: 'omit' };
  }
  const change = !['GET', 'HEAD'].includes(method);
  return {
    headers: change ? { 'x-csrf-token': credential.csrfToken } : {},
    credentials: 'same-origin',
  };
}
