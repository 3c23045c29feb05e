// The filter form of <vo-comments>: what it holds, how it is read, and its markup.
import { html, nothing } from 'lit';
import type { Outcome, TriageStatus } from '@vo-feedback/shared';
import { OUTCOMES } from '@vo-feedback/shared/constants';
import type { Messages } from '../i18n/catalogs.ts';
import { isTriageStatus, TRIAGE_STATUSES } from '../triage.ts';

/** The comment filter as the form holds it. */
export interface CommentFilter {
  rating: string;
  outcome: Outcome | 'unknown' | '';
  text: string;
  /** Only comments with this triage status; absent or empty: every status. */
  status?: TriageStatus | '';
  /** Only comments with this tag; absent or empty: with or without tags. */
  tag?: string;
}

/** The filter as the form holds it when it is submitted. */
export function filterFromForm(form: HTMLFormElement): CommentFilter {
  const data = new FormData(form);
  const status = data.get('status');
  return {
    rating: String(data.get('rating') ?? ''),
    outcome: String(data.get('outcome') ?? '') as CommentFilter['outcome'],
    text: String(data.get('text') ?? '').trim(),
    status: isTriageStatus(status) ? status : '',
    tag: String(data.get('tag') ?? ''),
  };
}

/**
 * The filter form, showing `filter`: rating, outcome, status and tag (one of `tags`, the
 * organisation's tags in use) chosen from lists, and words to look for. `apply` hears its
 * submission; `clear`, offered once something is filtered on, empties it.
 */
export function filterForm(
  t: Messages,
  filter: CommentFilter,
  tags: readonly string[],
  { apply, clear }: { apply: (event: SubmitEvent) => void; clear: () => void },
) {
  const { rating, outcome, text, status = '', tag = '' } = filter;
  // The tag filtered on stays choosable even when the suggestions do not (yet) name it.
  const choices = tag && !tags.includes(tag) ? [tag, ...tags] : tags;
  return html`<form class="filter" @submit=${apply}>
    <fieldset>
      <legend>${t.filterLegend}</legend>
      <div class="fields">
        <div class="field">
          <label for="filter-rating">${t.rating}</label>
          <select id="filter-rating" name="rating">
            <option value="" ?selected=${rating === ''}>${t.allRatings}</option>
            ${t.ratings.map(
              (label, index) =>
                html`<option value=${index + 1} ?selected=${rating === String(index + 1)}>
                  ${index + 1} – ${label}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-outcome">${t.outcome}</label>
          <select id="filter-outcome" name="outcome">
            <option value="" ?selected=${outcome === ''}>${t.allOutcomes}</option>
            ${[...OUTCOMES, 'unknown' as const].map(
              (value) =>
                html`<option value=${value} ?selected=${outcome === value}>
                  ${t.outcomes[value]}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">${t.triageStatusLabel}</label>
          <select id="filter-status" name="status">
            <option value="" ?selected=${status === ''}>${t.triageAllStatuses}</option>
            ${TRIAGE_STATUSES.map(
              (value) =>
                html`<option value=${value} ?selected=${status === value}>
                  ${t.triageStatuses[value]}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-tag">${t.triageTagLabel}</label>
          <select id="filter-tag" name="tag">
            <option value="" ?selected=${tag === ''}>${t.triageAllTags}</option>
            ${choices.map(
              (value) => html`<option .value=${value} ?selected=${tag === value}>${value}</option>`,
            )}
          </select>
        </div>
        <div class="field grow">
          <label for="filter-text">${t.textFilter}</label>
          <input id="filter-text" name="text" type="search" .value=${text} />
        </div>
      </div>
    </fieldset>
    <div class="actions">
      <button type="submit">${t.applyFilter}</button>
      ${
        rating || outcome || text || status || tag
          ? html`<button type="button" class="secondary" @click=${clear}>${t.clearFilter}</button>`
          : nothing
      }
    </div>
  </form>`;
}
