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
