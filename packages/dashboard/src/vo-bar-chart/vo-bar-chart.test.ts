import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { Formats } from '../format.ts';
import { tableRows } from '../../test/fixtures.ts';
import type { VoBarChart } from './vo-bar-chart.ts';

const bars = [
  { label: 'Afgerond', value: 6, extra: ['83,3%', '4,50'] },
  { label: 'Fout', value: 2, extra: ['0,0%', '1,50'] },
  { label: 'Info', value: 0, extra: ['–', '–'] },
];

async function chart() {
  return fixture<VoBarChart>(
    html`<vo-bar-chart
      .bars=${bars}
      .formats=${new Formats('nl')}
      .extraHeaders=${['Tevredenheid', 'Gemiddelde']}
      description="Staafdiagram: antwoorden per uitkomst."
      caption="Per uitkomst"
      label-header="Uitkomst"
      value-header="Antwoorden"
      share-header="Aandeel"
    ></vo-bar-chart>`,
  );
}

describe('<vo-bar-chart>', () => {
  it('is one image with a text alternative, beside a table with the same figures', async () => {
    const el = await chart();
    await expect(el).to.be.accessible();
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.querySelector('title')!.textContent).to.equal(
      'Staafdiagram: antwoorden per uitkomst.',
    );
    // A bar for each value above zero; a zero keeps its label and track.
    expect(svg.querySelectorAll('rect.bar').length).to.equal(2);
    expect(tableRows(el)).to.deep.equal([
      ['Afgerond', '6', '75,0%', '83,3%', '4,50'],
      ['Fout', '2', '25,0%', '0,0%', '1,50'],
      ['Info', '0', '0,0%', '–', '–'],
    ]);
    expect(
      [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent),
    ).to.deep.equal(['Uitkomst', 'Antwoorden', 'Aandeel', 'Tevredenheid', 'Gemiddelde']);
  });

  it('puts the table in a focusable region named by its caption, for keyboard scrolling', async () => {
    const el = await chart();
    const region = el.shadowRoot!.querySelector<HTMLElement>('[role="region"]')!;
    expect(region.tabIndex).to.equal(0);
    const caption = el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(caption.textContent!.trim()).to.equal('Per uitkomst');
  });
});
