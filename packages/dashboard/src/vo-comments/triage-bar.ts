// The action bar of <vo-comments>: select every comment shown, then change the selected comments
// together.
import { html, nothing } from 'lit';
import type { FeedbackItem } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import { MAX_TAG_LENGTH, TRIAGE_STATUSES } from '../triage.ts';
import type { CommentTriage } from './comment-triage.ts';

/**
 * The action bar: select all shown, then a status, a tag to add or a tag to take away. The tag to
 * add is suggested from `tags` (the organisation's tags in use) and `terms` (the period's themes
 * short enough to be a tag).
 */
export function triageBar(
  { t, f }: DashboardContext,
  triage: CommentTriage,
  items: readonly FeedbackItem[],
  { tags, terms }: { tags: readonly string[]; terms: readonly string[] },
) {
  const { selected, busy, tagError } = triage.state;
  const count = selected.size;
  const all = count > 0 && items.every((item) => selected.has(item.id));
  const waiting = busy || count === 0 ? 'true' : 'false';
  const present = [...new Set(triage.chosen().flatMap((item) => item.tags))].sort((a, b) =>
    a.localeCompare(b, f.locale),
  );
  const suggestions = [
    ...new Set([...tags, ...terms.filter((term) => term.length <= MAX_TAG_LENGTH)]),
  ];
  const tagDescription = tagError ? 'bar-tag-hint bar-tag-error' : 'bar-tag-hint';
  return html`<fieldset class="bar">
    <legend>${t.triageBarLegend}</legend>
    <div class="pick">
      <input
        type="checkbox"
        id="pick-all"
        .checked=${all}
        .indeterminate=${count > 0 && !all}
        @change=${(event: Event) => triage.selectAll((event.target as HTMLInputElement).checked)}
      />
      <label for="pick-all">${t.triageSelectAll}</label>
    </div>
    <p class="hint" data-selected>${t.triageSelected(count, f.integer(count))}</p>
    <div class="bar-actions">
      <form class="bar-action" data-action="status" @submit=${triage.onStatus}>
        <div class="field">
          <label for="bar-status">${t.triageNewStatus}</label>
          <select id="bar-status" name="status">
            ${TRIAGE_STATUSES.map(
              (value) => html`<option value=${value}>${t.triageStatuses[value]}</option>`,
            )}
          </select>
        </div>
        <button type="submit" class="secondary" aria-disabled=${waiting}>
          ${t.triageSetStatus}
        </button>
      </form>
      <form class="bar-action" data-action="add-tag" novalidate @submit=${triage.onAddTag}>
        <div class="field">
          <label for="bar-tag">${t.triageTagToAdd}</label>
          <p class="hint" id="bar-tag-hint">${t.triageTagHint}</p>
          <input
            id="bar-tag"
            name="tag"
            type="text"
            list="tag-suggestions"
            maxlength=${MAX_TAG_LENGTH}
            autocomplete="off"
            aria-describedby=${tagDescription}
            aria-invalid=${tagError ? 'true' : 'false'}
          />
          <datalist id="tag-suggestions">
            ${suggestions.map((tag) => html`<option .value=${tag}></option>`)}
          </datalist>
          ${
            tagError
              ? html`<p class="error" id="bar-tag-error">
                  <span class="visually-hidden">${t.errorPrefix}</span> ${tagError}
                </p>`
              : nothing
          }
        </div>
        <button type="submit" class="secondary" aria-disabled=${waiting}>${t.triageAddTag}</button>
      </form>
      <form class="bar-action" data-action="remove-tag" @submit=${triage.onRemoveTag}>
        <div class="field">
          ${
            present.length > 0
              ? html`<label for="bar-untag">${t.triageTagToRemove}</label>
                  <select id="bar-untag" name="tag">
                    ${present.map((tag) => html`<option .value=${tag}>${tag}</option>`)}
                  </select>`
              : html`<span class="label">${t.triageTagToRemove}</span>
                  <p class="hint">${count === 0 ? t.triageSelectFirst : t.triageNoTagsSelected}</p>`
          }
        </div>
        <button
          type="submit"
          class="secondary"
          aria-disabled=${busy || present.length === 0 ? 'true' : 'false'}
        >
          ${t.triageRemoveTag}
        </button>
      </form>
    </div>
  </fieldset>`;
}
