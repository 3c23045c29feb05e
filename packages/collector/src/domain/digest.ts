import type { ActionStatus } from '@vo-feedback/shared';
import type { DigestPayload } from './mail.ts';
import type { Period } from './period.ts';

// A digest mail's figures, per service of the subscription: what use-cases/digest.ts computes
// with the API's own use cases and views/mail-digest.ts writes out.

export interface DigestService {
  serviceId: string;
  name: string;
  responses: number;
  csat: number | null;
  csatInterval: [number, number] | null;
  impressions: number;
  responseRate: number | null;
  previous: { responses: number; csat: number | null };
  /** csat minus the previous period's (a share, −1…1); null when either has no answers. */
  change: number | null;
  /** The most ticked reasons, with the service's Dutch label (the code when it has none). */
  reasons: { code: string; label: string; count: number }[];
  /** The most frequent words in the period's comments, with how many comments hold them. */
  themes: { term: string; count: number }[];
  /** Improvement actions created in the period, newest first. */
  actions: { title: string; status: ActionStatus }[];
}

export interface Digest {
  organisationName: string;
  frequency: DigestPayload['frequency'];
  period: Period;
  previousPeriod: Period;
  soFar: boolean;
  /** MIN_PUBLIC_N: under it, a satisfaction is marked "weinig antwoorden". */
  minimum: number;
  services: DigestService[];
}
