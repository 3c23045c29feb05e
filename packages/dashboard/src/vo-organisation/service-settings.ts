// A service's settings as the manager edits them: the allowed origins, the help URL and the
// reasons; read from the form, checked, and turned into the changes of PATCH
// /api/v1/admin/services/:id (only what differs from the service as it is).
import type { AdminService, Reason, ServiceUpdate } from '@vo-feedback/shared';
import { fieldErrorsOf } from '../field-errors.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { originsFromText } from './drafts.ts';

/** The languages a reason is labelled in: the widget's. */
export const REASON_LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
/** At most this many reasons in a service's own list (MAX_REASONS of the contract). */
export const MAX_OWN_REASONS = 6;
const REASON_CODE = /^[a-z0-9-]{1,40}$/;
const TEL = /^tel:\+?[0-9][0-9 ().-]{1,30}$/;

/** A reason being edited: what the fields hold, untrimmed. */
export type ReasonDraft = Reason;

export type SettingsField = 'origins' | 'helpUrl' | 'reasons';
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** An empty reason to fill in. */
export const emptyReason = (): ReasonDraft => ({
  code: '',
  labels: { nl: '', fr: '', en: '', de: '' },
});

/** A copy to edit, so that the service itself stays as the collector answered it. */
export const reasonDrafts = (reasons: readonly Reason[]): ReasonDraft[] =>
  reasons.map((reason) => ({ code: reason.code, labels: { ...reason.labels } }));

/** Where a reason's error is: the id of its first field that is wrong, or undefined. */
export function firstWrongReason(reasons: readonly ReasonDraft[]): string | undefined {
  const seen = new Set<string>();
  for (const [index, reason] of reasons.entries()) {
    const code = reason.code.trim();
    if (!REASON_CODE.test(code) || seen.has(code)) return `reason-${index}-code`;
    seen.add(code);
    const empty = REASON_LANGUAGES.find((language) => !reason.labels[language].trim());
    if (empty) return `reason-${index}-${empty}`;
  }
  return undefined;
}

function helpUrlError(value: string, t: Messages): string | undefined {
  if (!value || TEL.test(value)) return undefined;
  return URL.canParse(value) && /^https:\/\/[^/]/.test(value) ? undefined : t.serviceHelpUrlInvalid;
}

const sameList = (a: readonly unknown[] | null, b: readonly unknown[] | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes the form makes to `service`, or what to fix first (with the id of the field to
 * focus). `reasons` null: the default list.
 */
export function settingsChanges(
  service: AdminService,
  data: FormData,
  reasons: readonly ReasonDraft[] | null,
  t: Messages,
): { changes: ServiceUpdate } | { errors: SettingsErrors; focus: string } {
  const origins = originsFromText(String(data.get('allowedOrigins') ?? ''), t);
  const helpUrl = String(data.get('helpUrl') ?? '').trim();
  const errors: SettingsErrors = {};
  let focus = '';
  if ('error' in origins) {
    errors.origins = origins.error;
    focus = 'settings-origins';
  }
  const helpError = helpUrlError(helpUrl, t);
  if (helpError) {
    errors.helpUrl = helpError;
    focus ||= 'settings-help';
  }
  const wrongReason = reasons ? firstWrongReason(reasons) : undefined;
  if (wrongReason || (reasons && reasons.length === 0)) {
    errors.reasons = t.reasonsInvalid;
    focus ||= wrongReason ?? 'reasons-own';
  }
  if (focus || 'error' in origins) return { errors, focus };

  const ownReasons =
    reasons?.map((reason) => ({
      code: reason.code.trim(),
      labels: {
        nl: reason.labels.nl.trim(),
        fr: reason.labels.fr.trim(),
        en: reason.labels.en.trim(),
        de: reason.labels.de.trim(),
      },
    })) ?? null;
  const changes: ServiceUpdate = {};
  if (!sameList(origins.origins, service.allowedOrigins)) {
    changes.allowedOrigins = origins.origins;
  }
  if ((helpUrl || null) !== service.helpUrl) changes.helpUrl = helpUrl || null;
  if (!sameList(ownReasons, service.reasons)) changes.reasons = ownReasons;
  return { changes };
}

/** The collector's field errors of refused settings (400), by the part of the form they are about. */
export const settingsFieldErrors = (error: unknown) =>
  fieldErrorsOf<SettingsField>(error, (head) =>
    head === 'allowedOrigins'
      ? 'origins'
      : head === 'helpUrl' || head === 'reasons'
        ? head
        : undefined,
  );
