import { html, nothing } from 'lit';
import type { DashboardContext } from './context.ts';

/**
 * Whether a share or satisfaction counted on `answers` answers is uncertain: there are some, but
 * fewer than MIN_PUBLIC_N (without any there is no figure to warn about).
 */
export function fewAnswers(answers: number, minimum: number): boolean {
  return answers > 0 && answers < minimum;
}

/**
 * "weinig antwoorden" as text beside a figure counted on `answers` answers, or nothing: a word a
 * screen reader reads and forced colours keep, not a colour.
 */
export function fewAnswersNote(context: Pick<DashboardContext, 't' | 'minimumN'>, answers: number) {
  return fewAnswers(answers, context.minimumN)
    ? html` <span class="few" data-few>${context.t.fewAnswers}</span>`
    : nothing;
}
