import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ApiError } from '../api.ts';
import {
  context,
  deferred,
  FakeApi,
  mount,
  PERIOD,
  SERVICES,
  textOf,
  until,
} from '../../test/fixtures.ts';
import type { VoDownloads } from './vo-downloads.ts';

const SERVICE = SERVICES[0]!;

async function mounted(api: FakeApi, role: 'provider' | 'steering' = 'provider') {
  const { el } = await mount<VoDownloads>(
    html`<vo-downloads
      .context=${context(api, { role })}
      .service=${SERVICE}
      .period=${PERIOD}
    ></vo-downloads>`,
  );
  return el;
}

const buttons = (el: VoDownloads) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-download]'),
];
const status = (el: VoDownloads) => textOf(el.shadowRoot!.querySelector('[role="status"]')!);

describe('<vo-downloads>', () => {
  it('offers the answers to a provider and the annual report to both, and passes axe', async () => {
    const provider = await mounted(new FakeApi());
    await expect(provider).to.be.accessible();
    expect(buttons(provider).map((button) => textOf(button))).to.deep.equal([
      'Antwoorden als CSV (Excel)',
      'Antwoorden als XLSX',
      'Jaarverslag 2026 (HTML)',
      'Jaarverslag 2026 (CSV)',
    ]);
    const steering = await mounted(new FakeApi(), 'steering');
    expect(buttons(steering).map((button) => button.dataset.download)).to.deep.equal([
      'annual-html-2026',
      'annual-csv-2026',
    ]);
  });

  it('downloads one file at a time and says when it is there', async () => {
    const answer = deferred<string>();
    const api = new FakeApi({ download: () => answer.promise });
    const el = await mounted(api);
    buttons(el)[0]!.click();
    await until(() => status(el) === 'Het bestand wordt klaargemaakt…');
    expect(buttons(el).map((button) => button.getAttribute('aria-disabled'))).to.deep.equal([
      'true',
      'true',
      'true',
      'true',
    ]);
    // A second press while the first runs does nothing.
    buttons(el)[1]!.click();
    answer.resolve('omgevingsloket.csv');
    await until(() => status(el) === 'omgevingsloket.csv is gedownload.');
    expect(api.calls.map((call) => call.args)).to.deep.equal([
      [
        '/services/omgevingsloket/export',
        { format: 'csv', from: PERIOD.from, to: PERIOD.to },
        `omgevingsloket-${PERIOD.from}-${PERIOD.to}.csv`,
      ],
    ]);
    expect(buttons(el)[0]!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('says what to do when a download fails', async () => {
    const el = await mounted(
      new FakeApi({
        download: () => {
          throw new ApiError('too-large', 422, 'Too many rows');
        },
      }),
    );
    buttons(el)[1]!.click();
    await until(() => status(el).startsWith('Fout:'));
    expect(status(el)).to.equal(
      'Fout: Het bestand kon niet worden gedownload. Dit zijn meer antwoorden dan één Excel-blad bevat. Download ze als CSV, of kies een kortere periode.',
    );
    expect(el.shadowRoot!.querySelector('[role="status"]')!.classList.contains('error')).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });
});
