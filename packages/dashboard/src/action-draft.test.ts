import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { draftFromForm, themeChoices } from './action-draft.ts';
import { catalogs } from './i18n/catalogs.ts';
import { theme, themes } from '../test/fixtures.ts';

const t = catalogs.nl;

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe('draftFromForm', () => {
  it('leaves empty optional fields out, so that the collector applies its defaults', () => {
    expect(
      draftFromForm(
        form([
          ['title', '  Kortere wachttijd '],
          ['status', 'planned'],
        ]),
        t,
      ),
    ).to.deep.equal({
      draft: { title: 'Kortere wachttijd', status: 'planned', public: false, themes: [] },
    });
  });

  it('reads every field the form has', () => {
    const data = form([
      ['title', 'Formulier'],
      ['description', 'Twee stappen.'],
      ['status', 'done'],
      ['plannedOn', '2026-07-01'],
      ['public', 'on'],
      ['themes', 'te lang'],
      ['themes', 'formulier'],
    ]);
    expect(draftFromForm(data, t)).to.deep.equal({
      draft: {
        title: 'Formulier',
        description: 'Twee stappen.',
        status: 'done',
        plannedOn: '2026-07-01',
        public: true,
        themes: ['te lang', 'formulier'],
      },
    });
  });

  it('says how to fix a missing or long title and a long description', () => {
    expect(draftFromForm(form([['title', ' ']]), t)).to.deep.equal({
      errors: { title: t.actionTitleMissing },
    });
    const long = form([
      ['title', 'x'.repeat(201)],
      ['description', 'y'.repeat(2001)],
    ]);
    expect(draftFromForm(long, t)).to.deep.equal({
      errors: { title: t.actionTitleTooLong, description: t.actionDescriptionTooLong },
    });
    expect('draft' in draftFromForm(form([['title', 'x'.repeat(200)]]), t)).to.equal(true);
  });
});

describe('themeChoices', () => {
  it('offers word pairs first, each term once, at most eight', () => {
    expect(themeChoices(themes())).to.deep.equal(['te lang', 'formulier', 'traag']);
    const many = themes({
      pairs: [theme('te lang', 9)],
      words: 'abcdefghij'.split('').map((term) => theme(term, 1)),
    });
    expect(themeChoices(many)).to.deep.equal(['te lang', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(themeChoices(undefined)).to.deep.equal([]);
  });
});
