// Who acted, as the audit and each record's `created_by`, `updated_by` or `submitted_by` name
// them: a signed-in person (`person:<e-mail>`), a bearer token (`token:<id>`), the platform
// administrator (`admin`, ADMIN_TOKEN) or the command line (`cli`); `unsubscribe-link` for a
// one-click unsubscribe. Each kind has a shape of its own, so that nothing a caller chooses — a
// token's label above all — can pass for a person or for the platform. Pure: no I/O.

/** The actor of a person signed in with OpenID Connect. */
export function personActor(email: string): string {
  return `person:${email}`;
}

/** The actor of a bearer token: its id (labels are chosen freely and need not be unique). */
export function tokenActor(tokenId: string): string {
  return `token:${tokenId}`;
}
