import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { describe, it } from 'vitest';
import { ApiError } from './api.ts';
import { Loader } from './loader.ts';
import { deferred } from '../test/fixtures.ts';

/** A host that records what its loader hands it. */
class LoaderHost extends LitElement {
  readonly loader = new Loader(this, { steeringWhenRefused: true });
  readonly seen: string[] = [];

  load(answer: Promise<string>) {
    const signals: AbortSignal[] = [];
    const run = this.loader.run(
      (signal) => {
        signals.push(signal);
        return answer;
      },
      {
        done: (value) => void this.seen.push(`done ${value}`),
        failed: (error) => void this.seen.push(`failed ${(error as Error).message}`),
        refused: () => void this.seen.push('refused'),
      },
    );
    return { run, signal: signals[0]! };
  }
}
customElements.define('loader-host', LoaderHost);

describe('Loader', () => {
  it('hands over only the latest answer and aborts the run it replaces', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    const first = deferred<string>();
    const second = deferred<string>();
    const a = host.load(first.promise);
    const b = host.load(second.promise);
    expect(a.signal.aborted).to.equal(true);
    expect(b.signal.aborted).to.equal(false);
    second.resolve('nieuw');
    first.resolve('oud');
    await Promise.all([a.run, b.run]);
    expect(host.seen).to.deep.equal(['done nieuw']);
  });

  it('shows a failure, but not the AbortError of a run that was replaced', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    const first = deferred<string>();
    const a = host.load(first.promise);
    const b = host.load(Promise.reject(new ApiError('server', 500, 'stuk')));
    first.reject(new DOMException('The operation was aborted.', 'AbortError'));
    await Promise.all([a.run, b.run]);
    expect(host.seen).to.deep.equal(['failed stuk']);
  });

  it('turns a refusal into vo-role-discovered instead of an error', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    const roles: string[] = [];
    document.addEventListener('vo-role-discovered', (event) => roles.push(event.detail.role), {
      once: true,
    });
    await host.load(Promise.reject(new ApiError('forbidden', 403, 'Forbidden'))).run;
    expect(roles).to.deep.equal(['steering']);
    expect(host.seen).to.deep.equal(['refused']);
  });

  it('aborts the run in flight when the element leaves the page', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    const pending = deferred<string>();
    const { run, signal } = host.load(pending.promise);
    host.remove();
    expect(signal.aborted).to.equal(true);
    pending.resolve('te laat');
    await run;
    expect(host.seen).to.deep.equal([]);
  });
});
