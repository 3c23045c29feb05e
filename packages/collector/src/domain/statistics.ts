import type { Figures, RatingCounts } from '@vo-feedback/shared';
import type { CsvCell } from './csv.ts';

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion: unlike the normal approximation it stays inside [0, 1]
 * and behaves with small n and with proportions near 0 or 1, which is what small services have.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}

export function emptyRatingCounts(): RatingCounts {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
}

/** The CSV columns of a set of figures, from responses to the interval: the Dutch headings. */
export const FIGURE_CSV_HEADINGS = [
  'antwoorden',
  'score 1',
  'score 2',
  'score 3',
  'score 4',
  'score 5',
  'gemiddelde score',
  'tevredenheid',
  'tevredenheid ondergrens (95%)',
  'tevredenheid bovengrens (95%)',
];

/** The cells of FIGURE_CSV_HEADINGS. */
export function figureCsvCells(
  f: Pick<Figures, 'responses' | 'ratings' | 'mean' | 'csat' | 'csatInterval'>,
): CsvCell[] {
  return [
    f.responses,
    f.ratings['1'],
    f.ratings['2'],
    f.ratings['3'],
    f.ratings['4'],
    f.ratings['5'],
    f.mean,
    f.csat,
    f.csatInterval?.[0],
    f.csatInterval?.[1],
  ];
}

/** Responses, mean, csat (share of 4 and 5) and its interval from rating counts. */
export function figuresFrom(ratings: RatingCounts, comments: number): Figures {
  const responses = ratings['1'] + ratings['2'] + ratings['3'] + ratings['4'] + ratings['5'];
  const satisfied = ratings['4'] + ratings['5'];
  const total =
    ratings['1'] + 2 * ratings['2'] + 3 * ratings['3'] + 4 * ratings['4'] + 5 * ratings['5'];
  return {
    responses,
    ratings: { ...ratings },
    mean: responses === 0 ? null : total / responses,
    csat: responses === 0 ? null : satisfied / responses,
    csatInterval: wilsonInterval(satisfied, responses),
    comments,
  };
}
