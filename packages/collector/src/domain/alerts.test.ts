import { describe, expect, it } from 'vitest';
import type { RatingCounts } from '@vo-feedback/shared';
import { alertWindows, risingTheme, satisfactionDrop, type ThemeWindows } from './alerts.ts';
import { addDays } from './period.ts';
import { findThemes, type ThemeComment } from './themes.ts';

// Alerts decided with the Wilson 95 % intervals. The intervals below were computed by hand with
// Wilson's formula (z = 1.96, to four decimals), not with the code under test:
//   80 of 100: centre (0.8 + z²/200) / (1 + z²/100) = 0.7889, half-width 0.0777 → [0.7112, 0.8666]
//    8 of 20:  centre 0.4161, half-width 0.1973 → [0.2188, 0.6134]
//   13 of 20:  centre 0.6258, half-width 0.1930 → [0.4329, 0.8188]
//    0 of 9:   [0, 0.2991]
//    6 of 20:  [0.1455, 0.5190];  3 of 20: [0.0524, 0.3604];  2 of 20: [0.0279, 0.3010]
//    2 of 100: [0.0055, 0.0700];  0 of 100: [0, 0.0370]

/** 15 June 2026: the recent window is 9–15 June, the previous one 14 April to 8 June. */
const WINDOWS = alertWindows('2026-06-15');

/** Rating counts with `satisfied` answers of 5 and the rest of 2. */
const ratings = (satisfied: number, n: number): RatingCounts => ({
  '1': 0,
  '2': n - satisfied,
  '3': 0,
  '4': 0,
  '5': satisfied,
});

describe('alert windows', () => {
  it('are the 7 days that end today and the 56 days before them', () => {
    expect(WINDOWS).toEqual({
      recent: { from: '2026-06-09', to: '2026-06-15' },
      previous: { from: '2026-04-14', to: '2026-06-08' },
    });
  });

  it('cross months and years as calendar days do', () => {
    expect(alertWindows('2026-01-03')).toEqual({
      recent: { from: '2025-12-28', to: '2026-01-03' },
      previous: { from: '2025-11-02', to: '2025-12-27' },
    });
    // The night the clocks change is still one day.
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('a satisfaction alert', () => {
  it('is raised when the recent interval lies wholly under the previous one', () => {
    const alert = satisfactionDrop(
      WINDOWS,
      { recent: ratings(8, 20), previous: ratings(80, 100) },
      10,
    );
    expect(alert).toMatchObject({ kind: 'satisfaction', theme: null });
    expect(alert!.recent).toMatchObject({ from: '2026-06-09', to: '2026-06-15', n: 20 });
    expect(alert!.recent.share).toBe(0.4);
    expect(alert!.recent.interval[0]).toBeCloseTo(0.2188, 4);
    expect(alert!.recent.interval[1]).toBeCloseTo(0.6134, 4);
    expect(alert!.previous).toMatchObject({ from: '2026-04-14', to: '2026-06-08', n: 100 });
    expect(alert!.previous.share).toBe(0.8);
    expect(alert!.previous.interval[0]).toBeCloseTo(0.7112, 4);
    expect(alert!.previous.interval[1]).toBeCloseTo(0.8666, 4);
  });

  it('counts 4 and 5 as satisfied, as the summary does', () => {
    const recent: RatingCounts = { '1': 4, '2': 4, '3': 4, '4': 4, '5': 4 };
    const alert = satisfactionDrop(WINDOWS, { recent, previous: ratings(80, 100) }, 10);
    expect(alert!.recent.share).toBe(0.4);
    expect(alert!.recent.n).toBe(20);
  });

  it('is not raised for a dip whose intervals overlap: 65 % against 80 %', () => {
    // [0.4329, 0.8188] reaches into [0.7112, 0.8666].
    expect(
      satisfactionDrop(WINDOWS, { recent: ratings(13, 20), previous: ratings(80, 100) }, 10),
    ).toBeUndefined();
  });

  it('is not raised with fewer than the minimum answers in either window', () => {
    // 0 of 9 ([0, 0.2991]) lies far under 80 %: only the minimum holds it back.
    const drop = { recent: ratings(0, 9), previous: ratings(80, 100) };
    expect(satisfactionDrop(WINDOWS, drop, 10)).toBeUndefined();
    expect(satisfactionDrop(WINDOWS, drop, 9)).toBeDefined();
    expect(
      satisfactionDrop(WINDOWS, { recent: ratings(0, 20), previous: ratings(9, 9) }, 10),
    ).toBeUndefined();
  });

  it('is not raised for a rise, nor without answers', () => {
    expect(
      satisfactionDrop(WINDOWS, { recent: ratings(80, 100), previous: ratings(8, 20) }, 10),
    ).toBeUndefined();
    expect(
      satisfactionDrop(WINDOWS, { recent: ratings(0, 0), previous: ratings(0, 0) }, 0),
    ).toBeUndefined();
  });
});

const nl = (...texts: string[]): ThemeComment[] =>
  texts.map((comment) => ({ comment, lang: 'nl', rating: 2 }));
const times = (n: number, text: string) => nl(...Array.from({ length: n }, () => text));

/** 100 comments of the 8 weeks: 2 name the waiting time, 10 the form. */
const PREVIOUS = [
  ...nl('Wachttijd aan de balie.', 'Wachttijd bij de dienst.'),
  ...times(10, 'Het formulier is onduidelijk.'),
  ...times(88, 'Alles prima.'),
];

/** 20 comments of the week: 6 name the waiting time, 3 the payment. */
const RECENT = [
  ...nl(
    'Wachttijd aan de telefoon.',
    'Lange wachttijd bij het loket.',
    'De wachttijd is te groot.',
    'Wachttijd, wachttijd, wachttijd.',
    'Mijn dossier: wachttijd!',
    'Wachttijd voor een afspraak.',
  ),
  ...nl('Betaling mislukt.', 'De betaling liep fout.', 'Betaling duurde.'),
  ...times(11, 'Alles prima.'),
];

/** The themes of the week against the 8 weeks before, as the themes API counts them. */
function themesOf(recent: ThemeComment[], previous: ThemeComment[]): ThemeWindows {
  const themes = findThemes(recent, { previous, examples: 0 });
  return { ...themes, previous: { comments: previous.length } };
}

describe('a theme alert', () => {
  it('names the theme whose share rose most, with both shares and intervals', () => {
    // wachttijd: 6 of 20 (30 %, [0.1455, 0.5190]) against 2 of 100 ([0.0055, 0.0700]): +28
    // points. betaling: 3 of 20 ([0.0524, 0.3604]) against 0 of 100 ([0, 0.0370]): +15 points,
    // also significant, but less. formulier fell; "prima" fell from 88 % to 55 %.
    const alert = risingTheme(WINDOWS, themesOf(RECENT, PREVIOUS), 10);
    expect(alert).toMatchObject({ kind: 'theme', theme: 'wachttijd' });
    expect(alert!.recent).toMatchObject({ from: '2026-06-09', to: '2026-06-15', n: 20 });
    expect(alert!.recent.share).toBe(0.3);
    expect(alert!.recent.interval[0]).toBeCloseTo(0.1455, 4);
    expect(alert!.recent.interval[1]).toBeCloseTo(0.519, 4);
    expect(alert!.previous).toMatchObject({ from: '2026-04-14', to: '2026-06-08', n: 100 });
    expect(alert!.previous.share).toBe(0.02);
    expect(alert!.previous.interval[0]).toBeCloseTo(0.0055, 4);
    expect(alert!.previous.interval[1]).toBeCloseTo(0.07, 4);
  });

  it('takes the next theme when the first is no longer significant', () => {
    // Without the waiting time, the payment (3 of 20 against 0 of 100) is what rose.
    const recent = [...RECENT.slice(6), ...times(6, 'Alles prima.')];
    expect(risingTheme(WINDOWS, themesOf(recent, PREVIOUS), 10)).toMatchObject({
      theme: 'betaling',
    });
  });

  it('is not raised for a rise whose intervals overlap', () => {
    // 2 of 20 ([0.0279, 0.3010]) against 2 of 100 ([0.0055, 0.0700]).
    const recent = [
      ...nl('Wachttijd aan de telefoon.', 'Lange wachttijd bij het loket.'),
      ...times(18, 'Alles prima.'),
    ];
    expect(risingTheme(WINDOWS, themesOf(recent, PREVIOUS), 10)).toBeUndefined();
  });

  it('is not raised with fewer than the minimum comments in either window', () => {
    const recent = RECENT.slice(0, 9);
    expect(risingTheme(WINDOWS, themesOf(recent, PREVIOUS), 10)).toBeUndefined();
    expect(risingTheme(WINDOWS, themesOf(recent, PREVIOUS), 9)).toMatchObject({
      theme: 'wachttijd',
    });
    expect(risingTheme(WINDOWS, themesOf(RECENT, PREVIOUS.slice(0, 9)), 10)).toBeUndefined();
    expect(risingTheme(WINDOWS, themesOf(RECENT, []), 0)).toBeUndefined();
  });

  it('breaks a tie of rises by count, then by term', () => {
    const theme = (term: string, count: number, change: number) => ({ term, count, change });
    const windows = (words: ThemeWindows['words']): ThemeWindows => ({
      comments: 20,
      words,
      pairs: [],
      previous: { comments: 100 },
    });
    expect(
      risingTheme(WINDOWS, windows([theme('wachttijd', 6, 6), theme('afspraak', 6, 6)]), 10),
    ).toMatchObject({ theme: 'afspraak' });
  });
});
