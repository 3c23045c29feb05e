import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { context, summary, tableRows } from '../../test/fixtures.ts';
import type { VoCsatChart } from './vo-csat-chart.ts';

describe('<vo-csat-chart>', () => {
  it('draws csat per month with its band, and lists every figure in the table', async () => {
    const months = summary().byMonth;
    const el = await fixture<VoCsatChart>(
      html`<vo-csat-chart .context=${context()} .months=${months}></vo-csat-chart>`,
    );
    await expect(el).to.be.accessible();
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.querySelector('title')!.textContent).to.contain('van januari 2026 tot maart 2026');
    // No point for a month without responses, rather than a misleading zero.
    expect(svg.querySelectorAll('circle.point').length).to.equal(2);
    // Four and six answers: under MIN_PUBLIC_N (10), said beside the satisfaction.
    expect(tableRows(el)).to.deep.equal([
      ['januari 2026', '4', '75,0% weinig antwoorden', '30,0% – 95,0%', '100', '4,0%'],
      ['februari 2026', '0', '–', '–', '40', '0,0%'],
      ['maart 2026', '6', '83,0% weinig antwoorden', '44,0% – 97,0%', '60', '10,0%'],
    ]);
  });

  it('says "weinig antwoorden" only under the minimum the collector gave', async () => {
    const months = summary().byMonth;
    const el = await fixture<VoCsatChart>(
      html`<vo-csat-chart
        .context=${context(undefined, { minimumN: 5 })}
        .months=${months}
      ></vo-csat-chart>`,
    );
    expect(tableRows(el).map((row) => row[2])).to.deep.equal([
      '75,0% weinig antwoorden',
      '–',
      '83,0%',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows an empty table and no chart without months', async () => {
    const el = await fixture<VoCsatChart>(
      html`<vo-csat-chart .context=${context()} .months=${[]}></vo-csat-chart>`,
    );
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(0);
  });
});
