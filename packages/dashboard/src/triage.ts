import type { FeedbackItem, TriageChange, TriageStatus } from '@vo-feedback/shared';

// The triage rules of the contract, from its zod-free constants (the dashboard bundles no zod).
import { MAX_TAG_LENGTH, MAX_TAGS, TRIAGE_STATUSES } from '@vo-feedback/shared/constants';

export {
  MAX_NOTE,
  MAX_REDACT,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MIN_REDACT,
  REDACTED_BY_PROVIDER,
  TRIAGE_STATUSES,
} from '@vo-feedback/shared/constants';

/** Whether `value` is one of the contract's statuses (a filter read from a form). */
export function isTriageStatus(value: unknown): value is TriageStatus {
  return typeof value === 'string' && (TRIAGE_STATUSES as readonly string[]).includes(value);
}

/**
 * A tag as the collector stores it: trimmed, 1–40 characters, no control characters; undefined
 * when it is not a tag.
 */
export function cleanTag(value: string): string | undefined {
  const tag = value.trim();
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH || /\p{Cc}/u.test(tag)) return undefined;
  return tag;
}

/** What one bulk action does to one comment. */
export type BulkAction =
  | { kind: 'status'; status: TriageStatus }
  | { kind: 'add-tag'; tag: string }
  | { kind: 'remove-tag'; tag: string };

/**
 * The PATCH body that applies `action` to `item`: null when its tags already are that way (no
 * request needed), `'too-many-tags'` when the tag does not fit. A status is always sent: someone
 * else may have changed it since the page was read, and setting it again does no harm.
 */
export function changeFor(
  item: FeedbackItem,
  action: BulkAction,
): TriageChange | null | 'too-many-tags' {
  switch (action.kind) {
    case 'status':
      return { status: action.status };
    case 'add-tag':
      if (item.tags.includes(action.tag)) return null;
      if (item.tags.length >= MAX_TAGS) return 'too-many-tags';
      return { tags: [...item.tags, action.tag] };
    case 'remove-tag':
      return item.tags.includes(action.tag)
        ? { tags: item.tags.filter((tag) => tag !== action.tag) }
        : null;
  }
}

/** The first words of a comment, to name it (a checkbox's label): at most `max` characters. */
export function firstWords(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  // The last space before the word the cut falls in (the whole cut when a word ends there).
  const space = flat[max] === ' ' ? max : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
