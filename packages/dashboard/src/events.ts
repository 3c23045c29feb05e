import type { ServiceInfo } from '@vo-feedback/shared';
import type { Period } from './period.ts';

/** Detail of `vo-signed-in`. */
export interface SignedInDetail {
  token: string;
  /** The services within the token's reach: the proof that the collector accepted it. */
  services: ServiceInfo[];
}

/** Detail of `vo-period-change`. */
export interface PeriodChangeDetail {
  period: Period;
}

/** Detail of `vo-theme-select`. */
export interface ThemeSelectDetail {
  term: string;
}

/** Detail of `vo-role-discovered`. */
export interface RoleDiscoveredDetail {
  role: 'steering';
}

// Triage
/** Detail of `vo-feedback-erased`: an answer is gone from every figure of its service. */
export interface FeedbackErasedDetail {
  serviceId: string;
  feedbackId: string;
}

// The dashboard's events, each fired by the element whose JSDoc names it (`@fires`).
declare global {
  interface GlobalEventHandlersEventMap {
    'vo-signed-in': CustomEvent<SignedInDetail>;
    'vo-period-change': CustomEvent<PeriodChangeDetail>;
    'vo-theme-select': CustomEvent<ThemeSelectDetail>;
    'vo-role-discovered': CustomEvent<RoleDiscoveredDetail>;
    'vo-feedback-erased': CustomEvent<FeedbackErasedDetail>;
  }
}

/** The detail type of a custom event named in `GlobalEventHandlersEventMap`. */
type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches one of the dashboard's events from an element: bubbling and composed, so that the
 * shell hears it through every shadow root on the way.
 */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
