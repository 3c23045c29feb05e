import { OUTCOMES, type ServiceReport } from '@vo-feedback/shared';

// A service's year split by outcome, language and step, each in one cell of the annual report's
// CSV, in the style of its channels and reasons: `name responses (satisfaction %)`, joined by ", ".

const percent = (share: number | null) => (share === null ? '' : ` (${Math.round(share * 100)} %)`);

/** The CSV columns of the breakdowns, in the order of breakdownCells. */
export const BREAKDOWN_CSV_HEADINGS = ['uitkomsten', 'talen', 'stappen'];

/**
 * In the order of the summary's lists (outcomes as OUTCOMES, then `unknown`):
 * `completed 12 (83 %), unknown 3 (33 %)` · `nl 14 (79 %), fr 1 (0 %)` ·
 * `betaling 6 (50 %, niet voltooid 67 %)`: a step's share not completed is of the responses whose
 * outcome is known (none known: not said).
 */
export function breakdownCells(service: ServiceReport | undefined): string[] {
  if (!service) return ['', '', ''];
  const outcomes = [...OUTCOMES, 'unknown' as const]
    .flatMap((outcome) => {
      const f = service.byOutcome[outcome];
      return f ? [`${outcome} ${f.responses}${percent(f.csat)}`] : [];
    })
    .join(', ');
  const languages = service.byLanguage
    .map((l) => `${l.lang} ${l.responses}${percent(l.csat)}`)
    .join(', ');
  const steps = service.byStep
    .map((s) => {
      const shares = [
        s.csat === null ? null : `${Math.round(s.csat * 100)} %`,
        s.shareNotCompleted === null
          ? null
          : `niet voltooid ${Math.round(s.shareNotCompleted * 100)} %`,
      ].filter((part) => part !== null);
      return `${s.step} ${s.responses}${shares.length ? ` (${shares.join(', ')})` : ''}`;
    })
    .join(', ');
  return [outcomes, languages, steps];
}
