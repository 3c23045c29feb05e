// The reasons part of a service's settings: the default list, or a list of its own with a code
// and a label in each language of the widget per reason, one to six of them.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldError } from '../field-errors.ts';
import type { Messages } from '../i18n/catalogs.ts';
import { MAX_OWN_REASONS, REASON_LANGUAGES, type ReasonDraft } from './service-settings.ts';

type ReasonLanguage = (typeof REASON_LANGUAGES)[number];
/** The language names in the language of the page (the widget's four). */
const LANGUAGE_NAMES: Record<string, Record<ReasonLanguage, string>> = {
  nl: { nl: 'Nederlands', fr: 'Frans', en: 'Engels', de: 'Duits' },
  fr: { nl: 'néerlandais', fr: 'français', en: 'anglais', de: 'allemand' },
  en: { nl: 'Dutch', fr: 'French', en: 'English', de: 'German' },
};

export interface ReasonEditorState {
  language: string;
  /** The service's own list being edited, or null for the default list. */
  reasons: readonly ReasonDraft[] | null;
  error: string | undefined;
  choose: (own: boolean) => void;
  add: () => void;
  remove: (index: number) => void;
}

/** A fieldset: the default list or an own list; the own list's reasons each in a fieldset. */
export function reasonEditor(t: Messages, state: ReasonEditorState) {
  const { reasons, error, choose } = state;
  return html`<fieldset
    aria-describedby=${describedBy(error, 'reasons-error', 'reasons-hint')}
    data-reasons
  >
    <legend>${t.serviceReasonsLegend}</legend>
    <p class="hint" id="reasons-hint">${t.serviceReasonsHint}</p>
    ${fieldError('reasons-error', error, t.errorPrefix)}
    <ul class="choices">
      <li class="check">
        <input
          id="reasons-default"
          name="reasons-mode"
          type="radio"
          value="default"
          .checked=${live(reasons === null)}
          @change=${() => choose(false)}
        />
        <label for="reasons-default">${t.serviceReasonsDefaultChoice}</label>
      </li>
      <li class="check">
        <input
          id="reasons-own"
          name="reasons-mode"
          type="radio"
          value="own"
          aria-controls="own-reasons"
          .checked=${live(reasons !== null)}
          @change=${() => choose(true)}
        />
        <label for="reasons-own">${t.serviceReasonsOwnChoice}</label>
      </li>
    </ul>
    <div id="own-reasons" class="picked" ?hidden=${reasons === null}>
      ${reasons ? ownReasons(t, state, reasons) : nothing}
    </div>
  </fieldset>`;
}

function ownReasons(t: Messages, state: ReasonEditorState, reasons: readonly ReasonDraft[]) {
  const names = LANGUAGE_NAMES[state.language] ?? LANGUAGE_NAMES.nl!;
  return html`${reasons.map(
    (reason, index) =>
      html`<fieldset class="reason" data-reason=${index}>
        <legend>${t.reasonLegend(index + 1)}</legend>
        <div class="field">
          <label for=${`reason-${index}-code`}>${t.reasonCode}</label>
          <p class="hint" id=${`reason-${index}-code-hint`}>${t.reasonCodeHint}</p>
          <input
            id=${`reason-${index}-code`}
            type="text"
            autocomplete="off"
            spellcheck="false"
            maxlength="40"
            aria-describedby=${`reason-${index}-code-hint`}
            .value=${live(reason.code)}
            @input=${(event: Event) => (reason.code = (event.target as HTMLInputElement).value)}
          />
        </div>
        ${REASON_LANGUAGES.map(
          (language) =>
            html`<div class="field">
              <label for=${`reason-${index}-${language}`}>
                ${t.reasonLabel(names[language])}
              </label>
              <input
                id=${`reason-${index}-${language}`}
                type="text"
                lang=${language}
                autocomplete="off"
                maxlength="120"
                .value=${live(reason.labels[language])}
                @input=${(event: Event) =>
                  (reason.labels[language] = (event.target as HTMLInputElement).value)}
              />
            </div>`,
        )}
        ${
          reasons.length > 1
            ? html`<button
                type="button"
                class="secondary"
                data-remove-reason
                @click=${() => state.remove(index)}
              >
                ${t.reasonRemove}<span class="visually-hidden">: ${t.reasonLegend(index + 1)}</span>
              </button>`
            : nothing
        }
      </fieldset>`,
  )}
  ${
    reasons.length < MAX_OWN_REASONS
      ? html`<button type="button" class="secondary" data-add-reason @click=${state.add}>
          ${t.reasonAdd}
        </button>`
      : nothing
  }`;
}
