import { expect, html } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { CHANNELS as CONTRACT_CHANNELS } from '@vo-feedback/shared';
import { ApiError, DashboardApi } from '../api.ts';
import { context, FakeApi, mount, qrSvg, SERVICES, textOf, until } from '../../test/fixtures.ts';
import type { VoQrCode } from './vo-qr-code.ts';

const SERVICE = SERVICES[0]!;

async function mounted(api: DashboardApi) {
  const { el } = await mount<VoQrCode>(
    html`<vo-qr-code .context=${context(api)} .service=${SERVICE}></vo-qr-code>`,
  );
  return el;
}

const image = (el: VoQrCode) => el.shadowRoot!.querySelector<HTMLImageElement>('.code img');
const status = (el: VoQrCode) =>
  textOf(el.shadowRoot!.querySelector('[role="status"]:not([data-status])')!);
const downloadStatus = (el: VoQrCode) =>
  textOf(el.shadowRoot!.querySelector('[role="status"][data-status="download"]')!);
const address = (channel: string) => `${location.origin}/f/${SERVICE.id}?channel=${channel}`;

/** The SVG text inside the image's data: address. */
const svgOf = (img: HTMLImageElement) =>
  decodeURIComponent(img.src.slice('data:image/svg+xml,'.length));

describe('<vo-qr-code>', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the counter’s code, named by the address it opens, which is also written out', async () => {
    const fake = new FakeApi({ qrCode: (_id, channel) => qrSvg(channel) });
    const el = await mounted(fake);
    const img = await until(() => image(el));
    await expect(el).to.be.accessible();

    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('QR-code en affiche');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    expect(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)!.textContent).to.equal(
      'Waar gebruikt u de code?',
    );
    expect(select.value).to.equal('counter');
    expect([...select.options].map((option) => option.value)).to.deep.equal([...CONTRACT_CHANNELS]);
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Website',
      'Telefoon',
      'Loket',
      'Chat',
      'E-mail',
      'Brief',
    ]);

    expect(fake.calls.map((call) => [call.method, ...call.args])).to.deep.equal([
      ['qrCode', SERVICE.id, 'counter'],
    ]);
    expect(img.src.startsWith('data:image/svg+xml,')).to.equal(true);
    expect(svgOf(img)).to.equal(qrSvg('counter'));
    expect(img.alt).to.equal(`QR-code naar ${address('counter')}`);
    expect(el.shadowRoot!.querySelector('[data-address]')!.textContent).to.equal(
      address('counter'),
    );
    expect(status(el)).to.equal('QR-code voor het kanaal Loket.');
    // The image is really drawn: a data: SVG the browser could decode.
    await img.decode();
    expect(img.naturalWidth).to.be.greaterThan(0);
  });

  it('makes the code of another channel when the channel changes', async () => {
    const fake = new FakeApi({ qrCode: (_id, channel) => qrSvg(channel) });
    const el = await mounted(fake);
    await until(() => image(el));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    select.value = 'phone';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const img = await until(() => {
      const shown = image(el);
      return shown?.dataset['channel'] === 'phone' && shown;
    });
    await el.updateComplete;
    expect(fake.calls.at(-1)!.args).to.deep.equal([SERVICE.id, 'phone']);
    expect(svgOf(img)).to.equal(qrSvg('phone'));
    expect(img.alt).to.equal(`QR-code naar ${address('phone')}`);
    expect(el.shadowRoot!.querySelector('[data-address]')!.textContent).to.equal(address('phone'));
    expect(status(el)).to.equal('QR-code voor het kanaal Telefoon.');
    await expect(el).to.be.accessible();
  });

  it('fetches the code and downloads the poster with the token in the header, never in a URL', async () => {
    const requests: { url: string; authorization: string | null }[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      const poster = url.includes('/poster?');
      return Promise.resolve(
        new Response(poster ? '<!doctype html><title>Affiche</title>' : qrSvg('counter'), {
          headers: { 'content-type': poster ? 'text/html' : 'image/svg+xml' },
        }),
      );
    };
    // The download link's click would make the browser save the file: note its name instead.
    const saved: string[] = [];
    const keep = (event: Event) => {
      const link = event.composedPath()[0];
      if (link instanceof HTMLAnchorElement && link.download) {
        saved.push(link.download);
        event.preventDefault();
      }
    };
    document.addEventListener('click', keep, true);
    try {
      const el = await mounted(new DashboardApi('vof_secret'));
      await until(() => image(el));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-download="poster"]')!.click();
      await until(() => downloadStatus(el).includes('gedownload'));
      expect(downloadStatus(el)).to.equal(`affiche-${SERVICE.id}-counter.html is gedownload.`);
      expect(saved).to.deep.equal([`affiche-${SERVICE.id}-counter.html`]);
    } finally {
      document.removeEventListener('click', keep, true);
    }
    expect(requests.map((request) => new URL(request.url, location.href).pathname)).to.deep.equal([
      `/api/v1/services/${SERVICE.id}/qr.svg`,
      `/api/v1/services/${SERVICE.id}/poster`,
    ]);
    for (const request of requests) {
      expect(new URL(request.url, location.href).searchParams.get('channel')).to.equal('counter');
      expect(request.authorization).to.equal('Bearer vof_secret');
      expect(request.url).not.to.contain('vof_secret');
    }
  });

  it('downloads the code as SVG for the chosen channel', async () => {
    const fake = new FakeApi({
      qrCode: (_id, channel) => qrSvg(channel),
      download: (_path, query) => `qr-${SERVICE.id}-${String(query['channel'])}.svg`,
    });
    const el = await mounted(fake);
    await until(() => image(el));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    select.value = 'letter';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-download="qr-svg"]')!.click();
    await until(() => downloadStatus(el).includes('gedownload'));
    const download = fake.calls.find((call) => call.method === 'download')!;
    expect(download.args).to.deep.equal([
      `/services/${SERVICE.id}/qr.svg`,
      { channel: 'letter' },
      `qr-${SERVICE.id}-letter.svg`,
    ]);
  });

  it('announces failures and says what to do; the code can be asked again', async () => {
    let failures = 1;
    const fake = new FakeApi({
      qrCode: (_id, channel) => {
        if (failures-- > 0) throw new ApiError('server', 502, 'Bad Gateway');
        return qrSvg(channel);
      },
      download: () => {
        throw new ApiError('network', 0, 'Failed to fetch');
      },
    });
    const el = await mounted(fake);
    await until(() => status(el).includes('niet worden geladen'));
    await el.updateComplete;
    expect(image(el)).to.equal(null);
    expect(status(el)).to.equal(
      `Fout: De QR-code kon niet worden geladen. ${el.context.t.serverError}`,
    );
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-download="poster"]')!.click();
    await until(() => downloadStatus(el).includes('niet worden gedownload'));
    expect(downloadStatus(el)).to.equal(
      `Fout: Het bestand kon niet worden gedownload. ${el.context.t.networkError}`,
    );
    await expect(el).to.be.accessible();

    const retry = [...el.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent!.trim() === 'Opnieuw proberen',
    )!;
    retry.click();
    await until(() => image(el));
    expect(status(el)).to.equal('QR-code voor het kanaal Loket.');
  });
});
