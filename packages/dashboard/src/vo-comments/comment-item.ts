// One comment of <vo-comments>: its checkbox, what the citizen wrote, its triage, and the tools
// under it (the note, removing a piece of text, erasing the answer).
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedbackItem } from '@vo-feedback/shared';
import type { DashboardContext } from '../context.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { firstWords, MAX_NOTE, MAX_REDACT } from '../triage.ts';
import type { CommentTriage, Tool } from './comment-triage.ts';

/** The tools under each comment, in the order of their buttons. */
const TOOLS: readonly Tool[] = ['note', 'redact', 'erase'];

/** One comment, the `index`th shown, as a list item with its triage. */
export function commentItem(
  { t, f }: DashboardContext,
  triage: CommentTriage,
  item: FeedbackItem,
  index: number,
) {
  const when = f.dateTime(item.createdAt);
  // Spoken after each control's visible name, in brackets: which comment it acts on. (Brackets,
  // not a colon: the hidden text is a block of its own to the name computation, which puts a
  // space before it.)
  const which = t.triageOfComment(when, firstWords(item.comment));
  const { open: opened, selected } = triage.state;
  const open = opened?.id === item.id ? opened.tool : undefined;
  return html`<li class="comment" data-index=${index} data-id=${item.id} tabindex="-1">
    <div class="pick">
      <input
        type="checkbox"
        id=${`pick-${item.id}`}
        .checked=${selected.has(item.id)}
        @change=${(event: Event) =>
          triage.select(item.id, (event.target as HTMLInputElement).checked)}
      />
      <label for=${`pick-${item.id}`}
        >${t.triageSelect}<span class="visually-hidden"> (${which})</span></label
      >
    </div>
    <p class="meta">
      <span class="rating rating-${item.rating}"
        >${item.rating} – ${t.ratings[item.rating - 1]}</span
      >
      <span>${t.received}: <time datetime=${item.createdAt}>${when}</time></span>
      <span>${t.outcome}: ${t.outcomes[item.outcome ?? 'unknown']}</span>
      ${item.step ? html`<span>${t.step}: ${item.step}</span>` : nothing}
      <span class="triage" data-status=${item.status}
        >${t.triageStatusLabel}: <strong>${t.triageStatuses[item.status]}</strong></span
      >
    </p>
    <p class="text" lang=${item.lang}>${item.comment}</p>
    ${
      item.tags.length > 0
        ? html`<div class="tags">
            <span id=${`tags-${item.id}`}>${t.triageTags}:</span>
            <ul aria-labelledby=${`tags-${item.id}`}>
              ${item.tags.map((tag) => html`<li class="tag">${tag}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      item.note !== null
        ? html`<div class="note" data-note>
            <p class="note-label">${t.triageNoteLabel}</p>
            <p class="note-text">${item.note}</p>
          </div>`
        : nothing
    }
    <div class="tools">
      ${TOOLS.map((tool) => {
        const expanded = open === tool;
        return html`<button
          type="button"
          class="secondary tool"
          data-tool=${tool}
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${ifDefined(expanded ? `tool-${item.id}` : undefined)}
          @click=${() => void triage.toggleTool(item, tool)}
        >
          ${{ note: t.triageNote, redact: t.triageRedact, erase: t.triageErase }[tool]}<span
            class="visually-hidden"
          >
            (${which})</span
          >
        </button>`;
      })}
    </div>
    ${open ? toolPanel(t, triage, item, open) : nothing}
  </li>`;
}

/** The open tool under a comment: the note, the text to remove, or the erasure's confirmation. */
function toolPanel(t: Messages, triage: CommentTriage, item: FeedbackItem, tool: Tool) {
  const id = `tool-${item.id}`;
  const { toolError: error, busy: sending } = triage.state;
  const errorLine = error
    ? html`<p class="error" id=${`${id}-error`}>
        <span class="visually-hidden">${t.errorPrefix}</span> ${error}
      </p>`
    : nothing;
  const described = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  const busy = sending ? 'true' : 'false';
  const cancel = html`<button
    type="button"
    class="secondary"
    @click=${() => void triage.closeTool()}
  >
    ${t.triageCancel}
  </button>`;
  switch (tool) {
    case 'note':
      return html`<form
        class="tool-panel"
        id=${id}
        data-tool-panel="note"
        @submit=${(event: SubmitEvent) => void triage.saveNote(item, event)}
        @keydown=${triage.onToolKey}
      >
        <label for=${`${id}-note`}>${t.triageNoteLabel}</label>
        <p class="hint" id=${`${id}-hint`}>${t.triageNoteHint}</p>
        <textarea
          id=${`${id}-note`}
          name="note"
          rows="4"
          maxlength=${MAX_NOTE}
          data-autofocus
          aria-describedby=${described}
          .value=${item.note ?? ''}
        ></textarea>
        ${errorLine}
        <div class="actions">
          <button type="submit" aria-disabled=${busy}>${t.triageNoteSave}</button>
          ${cancel}
        </div>
      </form>`;
    case 'redact':
      return html`<form
        class="tool-panel"
        id=${id}
        data-tool-panel="redact"
        novalidate
        @submit=${(event: SubmitEvent) => void triage.redact(item, event)}
        @keydown=${triage.onToolKey}
      >
        <label for=${`${id}-text`}>${t.triageRedactLabel}</label>
        <p class="hint" id=${`${id}-hint`}>${t.triageRedactHint}</p>
        <input
          id=${`${id}-text`}
          name="text"
          type="text"
          maxlength=${MAX_REDACT}
          autocomplete="off"
          data-autofocus
          aria-describedby=${described}
          aria-invalid=${error ? 'true' : 'false'}
        />
        ${errorLine}
        <div class="actions">
          <button type="submit" class="danger" aria-disabled=${busy}>
            ${t.triageRedactSubmit}
          </button>
          ${cancel}
        </div>
      </form>`;
    case 'erase':
      return html`<div
        class="tool-panel confirm"
        id=${id}
        role="group"
        aria-labelledby=${`${id}-question`}
        aria-describedby=${`${id}-hint`}
        tabindex="-1"
        data-tool-panel="erase"
        data-autofocus
        @keydown=${triage.onToolKey}
      >
        <p class="question" id=${`${id}-question`}>${t.triageEraseQuestion}</p>
        <p id=${`${id}-hint`}>${t.triageEraseWarning}</p>
        ${errorLine}
        <div class="actions">
          <button
            type="button"
            class="danger"
            aria-disabled=${busy}
            @click=${() => void triage.erase(item)}
          >
            ${t.triageEraseConfirm}
          </button>
          ${cancel}
        </div>
      </div>`;
  }
}
