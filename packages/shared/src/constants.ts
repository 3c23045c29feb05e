// Plain constants of the contract, free of zod, so the widget can import them without the
// validator's weight.

/** The languages the widget speaks and a submission may carry. */
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** End state of the citizen's journey, as the host page knows it. */
export const OUTCOMES = ['completed', 'rejected', 'error', 'info'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_STEP_LENGTH = 64;
export const MAX_BODY_BYTES = 16 * 1024;

/** Where the citizen gave the feedback: the widget on a website, or after help by another channel. */
export const CHANNELS = ['web', 'phone', 'counter', 'chat', 'email', 'letter'] as const;

// Acting on feedback (acting.ts builds its schemas on these).

/** Where a comment is in its provider's work. A comment nobody touched is `new`. */
export const TRIAGE_STATUSES = ['new', 'read', 'in-progress', 'done', 'archived'] as const;
/** At most this many tags on one comment, each at most MAX_TAG_LENGTH characters. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;
/** The internal note on a comment: at most this many characters. */
export const MAX_NOTE = 2000;
/** Text a provider removes from a comment: at least MIN_REDACT, at most MAX_REDACT characters. */
export const MIN_REDACT = 2;
export const MAX_REDACT = 500;
/** What replaces text a provider removed from a comment. */
export const REDACTED_BY_PROVIDER = '[verwijderd]';
/** The statuses of an improvement action. */
export const ACTION_STATUSES = ['planned', 'in-progress', 'done'] as const;
/** At most this many characters in one explanation. */
export const MAX_EXPLANATION = 5000;

/** What a webhook can listen to. */
export const WEBHOOK_EVENTS = [
  'feedback.created',
  'feedback.low-rating',
  'report.submitted',
  'alert.raised',
] as const;

// Alerts (alerts.ts builds its schemas on these).

/** What an alert is about: the satisfaction that dropped, or a theme that rose. */
export const ALERT_KINDS = ['satisfaction', 'theme'] as const;
/** An alert compares the last ALERT_RECENT_DAYS days (today included) … */
export const ALERT_RECENT_DAYS = 7;
/** … with the ALERT_PREVIOUS_DAYS days (8 weeks) before them. */
export const ALERT_PREVIOUS_DAYS = 56;

/** What an e-mail subscription sends: a weekly or monthly digest, or alerts only. */
export const SUBSCRIPTION_FREQUENCIES = ['weekly', 'monthly', 'alerts'] as const;

/** What a person who signs in may do (people.ts builds its schemas on these). */
export const PERSON_ROLES = ['provider', 'steering', 'manager'] as const;
