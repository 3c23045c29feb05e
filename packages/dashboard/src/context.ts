import type { Role, SignedInPerson } from '@vo-feedback/shared';
import type { DashboardApi } from './api.ts';
import type { Formats } from './format.ts';
import type { Language, Messages } from './i18n/catalogs.ts';

/**
 * What every view needs from the shell. A new object on every change (language, role), so that
 * Lit re-renders the views that receive it.
 */
export interface DashboardContext {
  api: DashboardApi;
  language: Language;
  t: Messages;
  f: Formats;
  /** What the token may see: `provider` its organisation's services with comments, `steering`
   * every organisation's aggregates and never a comment. */
  role: Role;
  /** MIN_PUBLIC_N, from `/me`: a share or satisfaction counted on fewer answers than this says
   * "weinig antwoorden" beside it. */
  minimumN: number;
  /** Today in Brussels, YYYY-MM-DD: the reference of every preset. */
  today: string;
  /** The person signed in (a `manager` runs its organisation too); null or absent for a token. */
  person?: SignedInPerson | null;
}
