import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { Formats } from '../format.ts';
import { tableRows, until } from '../../test/fixtures.ts';
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

  it('shows a bar’s own share when it has one: several reasons may be ticked at once', async () => {
    // Four answers rated 1–3, three of them ticked "too slow", two "unclear": 75 % and 50 %.
    const el = await fixture<VoBarChart>(
      html`<vo-bar-chart
        .bars=${[
          { label: 'Te traag', value: 3, share: 0.75 },
          { label: 'Onduidelijk', value: 2, share: 0.5 },
          { label: 'Onbekend', value: 0, share: null },
        ]}
        .formats=${new Formats('nl')}
        description="Staafdiagram: redenen."
        caption="Wat liep er mis?"
        label-header="Reden"
        value-header="Aantal"
        share-header="Aandeel"
      ></vo-bar-chart>`,
    );
    await expect(el).to.be.accessible();
    expect(tableRows(el)).to.deep.equal([
      ['Te traag', '3', '75,0%'],
      ['Onduidelijk', '2', '50,0%'],
      ['Onbekend', '0', '–'],
    ]);
    const values = [...el.shadowRoot!.querySelectorAll('svg text.value')].map((text) =>
      text.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(values).to.deep.equal(['3 (75,0%)', '2 (50,0%)', '0 (–)']);
  });

  it('wraps a long label onto more lines instead of drawing it over its value', async () => {
    // A phone's width: the chart has 300 px for its label and value.
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 300px">
        <vo-bar-chart
          .bars=${[
            { label: 'Ik vond niet wat ik zocht op de website van de gemeente', value: 12 },
            { label: 'Iets anders', value: 3 },
          ]}
          .formats=${new Formats('nl')}
          description="Staafdiagram: redenen."
          caption="Redenen"
          label-header="Reden"
          value-header="Aantal"
          share-header="Aandeel"
        ></vo-bar-chart>
      </div>`,
    );
    const el = box.querySelector('vo-bar-chart')!;
    const svg = el.shadowRoot!.querySelector('svg')!;
    await until(() => Number(svg.getAttribute('width')) <= 300);
    await el.updateComplete;
    const width = Number(svg.getAttribute('width'));
    const [long, short] = [...svg.querySelectorAll<SVGTextElement>('text.label')];
    expect(long!.querySelectorAll('tspan').length).to.be.greaterThan(1);
    expect(short!.querySelectorAll('tspan').length).to.equal(1);
    // Every line of the label ends before its value begins.
    const value = svg.querySelector<SVGTextElement>('text.value')!;
    const valueStart = width - value.getComputedTextLength();
    for (const line of long!.querySelectorAll('tspan')) {
      expect(line.getComputedTextLength()).to.be.lessThan(valueStart);
    }
    // The next bar's label starts below the wrapped label's bar: nothing overlaps.
    const firstBar = svg.querySelectorAll<SVGRectElement>('rect.track')[0]!.getBBox();
    expect(short!.getBBox().y).to.be.greaterThan(firstBar.y + firstBar.height);
  });
});
