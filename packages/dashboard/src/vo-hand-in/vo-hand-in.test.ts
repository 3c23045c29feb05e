import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { HandInRow, ReportSubmission, ReportSubmissions } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import type { Language } from '../i18n/catalogs.ts';
import { explanation, submission, submissions } from '../../test/acting.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  tableRows,
  textOf,
  until,
} from '../../test/fixtures.ts';
import type { VoHandIn } from './vo-hand-in.ts';

const YEARS = [2025, 2026];

async function mounted(
  fake: FakeApi,
  role: 'provider' | 'steering' = 'provider',
  { width = '', language = 'nl' as Language } = {},
) {
  const { el: box } = await mount<HTMLDivElement>(
    html`<div style=${width ? `width: ${width}; overflow: auto; position: relative` : ''}>
      <vo-hand-in
        .context=${context(fake, { role, language })}
        .years=${YEARS}
        organisation-id=${role === 'provider' ? 'org-a' : ''}
      ></vo-hand-in>
    </div>`,
  );
  return box.querySelector('vo-hand-in')!;
}

const $ = <E extends Element = HTMLElement>(el: VoHandIn, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const $$ = (el: VoHandIn, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const status = (el: VoHandIn, name: string) => textOf($(el, `[data-status="${name}"]`)!);

/** A provider's answer per year: versions of 2025, none of 2026. */
function providerApi(versions: ReportSubmission[] = [submission(1)]) {
  return new FakeApi({
    submissions: (year) => submissions(year, { versions: year === 2025 ? versions : [] }),
    explanation: (scope, subjectId, year) => explanation({ scope, subjectId, year }),
  });
}

const ROWS: HandInRow[] = [
  {
    organisationId: 'org-a',
    organisationName: 'Stad Gent',
    status: 'submitted',
    version: 2,
    submittedAt: '2026-03-10T09:00:00.000Z',
  },
  {
    organisationId: 'org-b',
    organisationName: 'Agentschap Wegen en Verkeer',
    status: 'late',
    version: 1,
    submittedAt: '2026-04-14T13:30:00.000Z',
  },
  {
    organisationId: 'org-c',
    organisationName: 'Gemeente Zwalm',
    status: 'missing',
    version: null,
    submittedAt: null,
  },
];

describe('<vo-hand-in>', () => {
  it('explains hand-in, shows the organisation’s explanation and the versions, and passes axe', async () => {
    const answer = deferred<ReportSubmissions>();
    const fake = new FakeApi({
      submissions: () => answer.promise,
      explanation: (scope, subjectId, year) => explanation({ scope, subjectId, year }),
    });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('Ingediende versies worden geladen…');
    await expect(el).to.be.accessible();

    answer.resolve(submissions(2025, { versions: [submission(1), submission(2)] }));
    await until(() => $(el, '.versions'));
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h2')!)).to.equal('Jaarrapport indienen');
    expect(textOf(el)).to.contain('Feedback die later binnenkomt, verandert die versie niet.');
    // Last year is chosen first: the report due now.
    const radios = $$(el, 'input[type="radio"]') as HTMLInputElement[];
    expect(radios.map((radio) => [radio.value, radio.checked])).to.deep.equal([
      ['2025', true],
      ['2026', false],
    ]);
    expect(textOf($(el, 'legend')!)).to.equal('Jaar');
    const nested = $(el, 'vo-explanation')!;
    expect(nested.getAttribute('scope')).to.equal('organisation');
    await until(() => nested.shadowRoot!.querySelector('textarea'));
    expect(textOf(nested.shadowRoot!.querySelector('h3')!)).to.equal(
      'Toelichting van uw organisatie bij 2025',
    );
    expect(textOf($(el, '[data-deadline]')!)).to.equal('Uiterlijk in te dienen op 31 maart 2026.');
    expect(textOf($(el, 'button[data-submit]')!)).to.equal('Jaarrapport 2025 opnieuw indienen');

    // Newest first, each with when, who and its fingerprint shortened, the full one as text.
    expect($$(el, '.version h4').map(textOf)).to.deep.equal(['Versie 2', 'Versie 1']);
    const newest = $(el, '[data-version="2"]')!;
    const full = submission(2).sha256;
    expect(textOf(newest.querySelector('[data-sha256-short]')!)).to.equal(`${full.slice(0, 12)}…`);
    expect(newest.querySelector('[data-sha256]')!.textContent).to.equal(full);
    expect(textOf(newest.querySelector('dl')!)).to.contain('An Peeters');
    expect(textOf(newest.querySelector('dl')!)).to.contain(
      el.context.f.dateTime('2026-03-10T09:00:00.000Z'),
    );
    expect(
      [...newest.querySelectorAll('button[data-download]')].map((button) => textOf(button)),
    ).to.deep.equal(['HTML downloaden van versie 2', 'JSON downloaden van versie 2']);
    expect(
      fake.calls.filter((call) => call.method === 'submissions').map((call) => call.args),
    ).to.deep.equal([[2025]]);
  });

  it('hands in with the keyboard, announces the new version and lists it', async () => {
    const handedIn = deferred<ReportSubmission>();
    const answers = new FakeApi({
      submissions: (year) => submissions(year, {}),
      explanation: (scope, subjectId, year) => explanation({ scope, subjectId, year }),
      submitReport: () => handedIn.promise,
    });
    const el = await mounted(answers);
    await until(() => $(el, '[data-no-versions]'));
    expect(textOf($(el, '[data-no-versions]')!)).to.equal(
      'U hebt het jaarrapport 2025 nog niet ingediend.',
    );
    await expect(el).to.be.accessible();
    const submit = $<HTMLButtonElement>(el, 'button[data-submit]')!;
    expect(textOf(submit)).to.equal('Jaarrapport 2025 indienen');
    submit.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'action') === 'Het jaarrapport wordt vastgelegd…');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(answers.calls.at(-1)!.method).to.equal('submitReport');
    expect(answers.calls.at(-1)!.args).to.deep.equal([2025]);
    await expect(el).to.be.accessible();

    handedIn.resolve(submission(1));
    await until(() => $(el, '.versions'));
    expect(status(el, 'action')).to.equal('Versie 1 van het jaarrapport 2025 is ingediend.');
    expect($$(el, '.version h4').map(textOf)).to.deep.equal(['Versie 1']);
    expect(textOf($(el, 'button[data-submit]')!)).to.equal('Jaarrapport 2025 opnieuw indienen');
  });

  it('shows the chosen year’s versions', async () => {
    const fake = providerApi();
    const el = await mounted(fake);
    await until(() => $(el, '.versions'));
    const thisYear = $<HTMLInputElement>(el, 'input[value="2026"]')!;
    thisYear.click();
    await until(() => $(el, '[data-no-versions]'));
    expect(textOf($(el, '[data-no-versions]')!)).to.equal(
      'U hebt het jaarrapport 2026 nog niet ingediend.',
    );
    expect(textOf($(el, '[data-deadline]')!)).to.equal('Uiterlijk in te dienen op 31 maart 2027.');
    expect(
      fake.calls.filter((call) => call.method === 'submissions').map((call) => call.args),
    ).to.deep.equal([[2025], [2026]]);
    await until(() => $(el, 'vo-explanation')!.shadowRoot!.querySelector('textarea'));
    expect(fake.calls.filter((c) => c.method === 'explanation').at(-1)!.args).to.deep.equal([
      'organisation',
      'org-a',
      2026,
    ]);
  });

  it('downloads a frozen version as HTML or JSON, with the token in the header', async () => {
    const fake = new FakeApi({
      submissions: (year) => submissions(year, { versions: [submission(1)] }),
      explanation: () => explanation(),
      download: (_path, _query, name) => name,
    });
    const el = await mounted(fake);
    await until(() => $(el, '.versions'));
    $<HTMLButtonElement>(el, 'button[data-download="json-1"]')!.click();
    await until(() => status(el, 'action').endsWith('is gedownload.'));
    expect(fake.calls.find((call) => call.method === 'download')!.args).to.deep.equal([
      '/reports/annual/2025/submissions/org-a/1',
      { format: 'json' },
      'jaarrapport-2025-org-a-versie-1.json',
    ]);
    expect(status(el, 'action')).to.equal('jaarrapport-2025-org-a-versie-1.json is gedownload.');
  });

  it('says why handing in failed and what to do', async () => {
    const fake = new FakeApi({
      submissions: (year) => submissions(year, {}),
      explanation: () => explanation(),
      submitReport: () => {
        throw new ApiError('invalid', 409, 'Another version is being handed in; try again.');
      },
    });
    const el = await mounted(fake);
    await until(() => $(el, '[data-no-versions]'));
    $<HTMLButtonElement>(el, 'button[data-submit]')!.click();
    await until(() => status(el, 'action').startsWith('Fout'));
    expect(status(el, 'action')).to.equal(
      'Fout: Het jaarrapport is niet ingediend. Dit werd niet aanvaard. Pas het aan en probeer opnieuw: Another version is being handed in; try again.',
    );
    expect($(el, '[data-status="action"]')!.className).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('offers to try again when the versions cannot be loaded', async () => {
    let failures = 1;
    const el = await mounted(
      new FakeApi({
        explanation: () => explanation(),
        submissions: (year) => {
          if (failures-- > 0) throw new ApiError('network', 0, 'Failed to fetch');
          return submissions(year, { versions: [submission(1)] });
        },
      }),
    );
    await until(() => $(el, '.message.is-error'));
    expect(textOf($(el, '.message.is-error')!)).to.contain(el.context.t.networkError);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.message.is-error button')!.click();
    await until(() => $(el, '.versions'));
  });

  it('shows steering every organisation per year, in words, with the deadline and no editing', async () => {
    const fake = new FakeApi({
      submissions: (year) =>
        submissions(year, { organisations: year === 2025 ? ROWS : ROWS.map(missing) }),
      download: (_path, _query, name) => name,
    });
    const el = await mounted(fake, 'steering');
    await until(() => $$(el, 'table').length === 2);
    await expect(el).to.be.accessible();
    expect(textOf($(el, 'h2')!)).to.equal('Ingediende jaarrapporten');
    expect($$(el, 'h3').map(textOf)).to.deep.equal(['Jaarrapport 2025', 'Jaarrapport 2026']);
    const [last, current] = $$(el, 'section.year-overview');
    expect(textOf(last!.querySelector('p')!)).to.equal(
      'Uiterlijk in te dienen op 31 maart 2026. 2 van de 3 organisaties hebben ingediend.',
    );
    expect(textOf(current!.querySelector('caption')!)).to.equal('Jaarrapport 2026 per organisatie');
    const dateTime = (instant: string) => el.context.f.dateTime(instant);
    expect(tableRows(el).slice(0, 3)).to.deep.equal([
      [
        'Stad Gent',
        '✓ Ingediend',
        '2',
        dateTime('2026-03-10T09:00:00.000Z'),
        'HTML downloaden van Stad Gent',
      ],
      [
        'Agentschap Wegen en Verkeer',
        '! Te laat',
        '1',
        dateTime('2026-04-14T13:30:00.000Z'),
        'HTML downloaden van Agentschap Wegen en Verkeer',
      ],
      ['Gemeente Zwalm', '✗ Ontbreekt', '–', '–', '–'],
    ]);
    // The symbol is decoration: the status is said in words.
    expect($(el, 'td[data-status="late"] .symbol')!.getAttribute('aria-hidden')).to.equal('true');
    // Nothing to hand in or explain for steering.
    expect($(el, 'button[data-submit], vo-explanation, input, textarea')).to.equal(null);
    expect(fake.calls.map((call) => [call.method, ...call.args])).to.deep.equal([
      ['submissions', 2025],
      ['submissions', 2026],
    ]);

    $<HTMLButtonElement>(el, 'button[data-download="html-org-b"]')!.click();
    await until(() => status(el, 'action').endsWith('is gedownload.'));
    expect(fake.calls.at(-1)!.args).to.deep.equal([
      '/reports/annual/2025/submissions/org-b/1',
      { format: 'html' },
      'jaarrapport-2025-org-b-versie-1.html',
    ]);
  });

  it('fits 320 px: the page does not scroll sideways, the tables scroll within', async () => {
    const provider = await mounted(providerApi([submission(1)]), 'provider', { width: '320px' });
    await until(() => $(provider, '.versions'));
    $(provider, 'details')!.setAttribute('open', '');
    const steering = await mounted(
      new FakeApi({ submissions: (year) => submissions(year, { organisations: ROWS }) }),
      'steering',
      { width: '320px' },
    );
    await until(() => $$(steering, 'table').length === 2);
    // The box scrolls: anything wider than 320 px inside it (a long fingerprint, a button) makes
    // it scroll sideways. The tables scroll inside their own regions, which count as their width.
    for (const el of [provider, steering]) {
      const box = el.parentElement!;
      expect(box.scrollWidth, el.context.role).to.be.at.most(box.clientWidth);
    }
  });

  it('says the count with a verb that agrees with it, in every language', async () => {
    const counted = async (language: Language, handedIn: number) => {
      const organisations = ROWS.slice(0, handedIn);
      const fake = new FakeApi({ submissions: (year) => submissions(year, { organisations }) });
      const el = await mounted(fake, 'steering', { language });
      await until(() => $$(el, 'table').length === 2);
      return textOf($(el, 'section.year-overview p')!).replace(/^.*\. (?=\d)/, '');
    };
    expect(await counted('nl', 1)).to.equal('1 van de 1 organisaties heeft ingediend.');
    expect(await counted('nl', 2)).to.equal('2 van de 2 organisaties hebben ingediend.');
    expect(await counted('en', 1)).to.equal('1 of the 1 organisations has handed in.');
    expect(await counted('en', 2)).to.equal('2 of the 2 organisations have handed in.');
    expect(await counted('fr', 1)).to.equal('1 des 1 organisations a remis son rapport.');
    expect(await counted('fr', 2)).to.equal('2 des 2 organisations ont remis leur rapport.');
  });

  it('keeps each cell of the steering table on one line at 320 px', async () => {
    const el = await mounted(
      new FakeApi({ submissions: (year) => submissions(year, { organisations: ROWS }) }),
      'steering',
      { width: '320px' },
    );
    await until(() => $$(el, 'table').length === 2);
    const table = $(el, 'table')!;
    // Every row as tall as one line: a date over three lines made each row three lines tall.
    for (const cell of table.querySelectorAll('th, td')) {
      expect(lineCount(cell), textOf(cell)).to.equal(1);
    }
    // …and the table scrolls inside its region rather than widening the page.
    const box = el.parentElement!;
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });

  it('leaves no space under the last table or version when there is nothing to announce', async () => {
    const steering = await mounted(
      new FakeApi({ submissions: (year) => submissions(year, { organisations: ROWS }) }),
      'steering',
    );
    await until(() => $$(steering, 'table').length === 2);
    const provider = await mounted(providerApi());
    await until(() => $(provider, '.versions'));
    for (const el of [steering, provider]) {
      for (const region of $$(el, '[role="status"]')) {
        const { marginTop, marginBottom, height } = getComputedStyle(region);
        expect(
          [marginTop, marginBottom, height],
          region.getAttribute('data-status')!,
        ).to.deep.equal(['0px', '0px', '0px']);
      }
    }
  });
});

function missing(row: HandInRow): HandInRow {
  return { ...row, status: 'missing', version: null, submittedAt: null };
}

/** On how many lines the visible text of `cell` is laid out. */
function lineCount(cell: Element): number {
  const tops = new Set<number>();
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim() || node.parentElement!.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) tops.add(Math.round(rect.bottom));
  }
  return tops.size;
}
