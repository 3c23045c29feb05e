import type { ActionStatus, Themes } from '@vo-feedback/shared';
import type { ActionDraft } from './api.ts';
import type { Messages } from './i18n/catalogs.ts';

/** The contract's limits on an action's title and description. */
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;

/** How many of a period's themes are offered to link a new action to. */
const THEME_CHOICES = 8;

/** The add form's fields that can be wrong, and how to fix each. */
export interface DraftErrors {
  title?: string;
  description?: string;
}

/**
 * A new improvement action from the add form's fields (`title`, `description`, `status`,
 * `plannedOn`, `public`, `themes`), or what to fix first. Empty optional fields are left out, so
 * that the collector applies its defaults.
 */
export function draftFromForm(
  data: FormData,
  t: Messages,
): { draft: ActionDraft } | { errors: DraftErrors } {
  const title = String(data.get('title') ?? '').trim();
  const description = String(data.get('description') ?? '').trim();
  const errors: DraftErrors = {};
  if (!title) errors.title = t.actionTitleMissing;
  else if (title.length > MAX_TITLE) errors.title = t.actionTitleTooLong;
  if (description.length > MAX_DESCRIPTION) errors.description = t.actionDescriptionTooLong;
  if (errors.title || errors.description) return { errors };
  const plannedOn = String(data.get('plannedOn') ?? '');
  return {
    draft: {
      title,
      status: (data.get('status') ?? 'planned') as ActionStatus,
      public: data.get('public') === 'on',
      themes: data.getAll('themes').map(String),
      ...(description ? { description } : {}),
      ...(plannedOn ? { plannedOn } : {}),
    },
  };
}

/** The period's most frequent themes to link an action to, word pairs first (they say more). */
export function themeChoices(themes: Themes | undefined): string[] {
  if (!themes) return [];
  const terms = [...themes.pairs, ...themes.words].map((theme) => theme.term);
  return [...new Set(terms)].slice(0, THEME_CHOICES);
}
