// One impression per page view and service: this file runs in its own page (vitest isolates test
// files), so nothing has been counted before its first widget.
import { expect, fixture, html } from '@open-wc/testing';
import { it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { collector, until } from '../test/helpers.ts';

it('counts the widget once per page view, however often it is shown, with no identifier', async () => {
  const sent: { url: string; body: string }[] = [];
  const beacon = navigator.sendBeacon.bind(navigator);
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, body) => {
    sent.push({ url: String(url), body: String(body) });
    return beacon(url, body);
  });
  const before = await commands.impressionCount();

  await fixture(
    html`<div>
      <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
      <vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>
    </div>`,
  );
  await fixture(
    html`<vo-feedback service-id=${collector.serviceId} endpoint=${collector.url}></vo-feedback>`,
  );

  await until(async () => expect(await commands.impressionCount()).to.equal(before + 1));
  // Give a stray second beacon time to arrive before concluding there is none.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await commands.impressionCount()).to.equal(before + 1);
  expect(sent).to.deep.equal([
    {
      url: `${collector.url}/api/v1/impressions`,
      body: JSON.stringify({ serviceId: collector.serviceId }),
    },
  ]);
});
