import { formatInterval, html, type Html } from './html.ts';

// What the annual report writes beside a figure so that nobody compares it blindly: "weinig
// antwoorden" when it is counted on fewer answers than MIN_PUBLIC_N, and its 95 % interval.

/**
 * Whether a satisfaction or share counted on `answers` answers is uncertain: there are some, but
 * fewer than `minimum` (without any there is no figure to warn about).
 */
export function fewAnswers(answers: number, minimum: number): boolean {
  return answers > 0 && answers < minimum;
}

/** "weinig antwoorden" as a word beside the figure (never a colour alone), or nothing. */
export function fewAnswersNote(answers: number, minimum: number): Html {
  return fewAnswers(answers, minimum) ? html` <span class="few">weinig antwoorden</span>` : html``;
}

/** A figure, with "weinig antwoorden" beside it when it is counted on few answers. */
export function withFewNote(figure: Html | string, answers: number, minimum: number): Html {
  return html`${figure}${fewAnswersNote(answers, minimum)}`;
}

/** The Wilson 95 % interval as "61,2–95,9 %", or a dash without responses. */
export function intervalOrDash(interval: readonly [number, number] | null): string {
  return interval === null ? '–' : formatInterval(interval);
}
