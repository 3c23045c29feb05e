// A secret shown this once — a new webhook's signing secret, a new token — and copying it: the
// panel and the copy are the same wherever a secret is made; the ids, the words and the heading's
// level are the caller's.
import { html } from 'lit';

/** The ids of the panel's heading, its note and its read-only field. */
export interface SecretIds {
  heading: string;
  note: string;
  field: string;
}

/** The panel's words: heading, note, the field's label and the two buttons. */
export interface SecretTexts {
  heading: string;
  note: string;
  label: string;
  copy: string;
  done: string;
}

/**
 * The secret, shown this once: a labelled read-only field (selected on focus) under a heading
 * that takes focus, a copy button, and the note that it is not shown again.
 */
export function secretPanel(
  secret: string,
  {
    ids,
    texts,
    level,
    copy,
    dismiss,
  }: {
    ids: SecretIds;
    texts: SecretTexts;
    /** The heading's level: 2 (h2) or 3 (h3). */
    level: 2 | 3;
    copy: () => void;
    dismiss: () => void;
  },
) {
  const heading =
    level === 2
      ? html`<h2 id=${ids.heading} tabindex="-1">${texts.heading}</h2>`
      : html`<h3 id=${ids.heading} tabindex="-1">${texts.heading}</h3>`;
  return html`<section class="secret" aria-labelledby=${ids.heading}>
    ${heading}
    <p class="note" id=${ids.note}><strong>${texts.note}</strong></p>
    <div class="field">
      <label for=${ids.field}>${texts.label}</label>
      <input
        id=${ids.field}
        readonly
        spellcheck="false"
        autocomplete="off"
        aria-describedby=${ids.note}
        .value=${secret}
        @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
      />
    </div>
    <div class="buttons">
      <button data-copy @click=${copy}>${texts.copy}</button>
      <button class="secondary" data-dismiss @click=${dismiss}>${texts.done}</button>
    </div>
  </section>`;
}

/**
 * Copies the secret to the clipboard and announces it; when the browser refuses, announces the
 * failure (`${errorPrefix} ${failed}`) and selects the field, for the provider to copy it.
 */
export async function copySecret(
  secret: string,
  {
    copied,
    failed,
    errorPrefix,
    announce,
    field,
  }: {
    copied: string;
    failed: string;
    errorPrefix: string;
    announce: (message: string, failed?: boolean) => void;
    field: () => HTMLInputElement | null;
  },
) {
  try {
    await navigator.clipboard.writeText(secret);
    announce(copied);
  } catch {
    announce(`${errorPrefix} ${failed}`, true);
    field()?.select();
  }
}
