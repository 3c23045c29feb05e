import { LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { define, inputs, states } from './element.ts';
import { failureMessage } from './errors.ts';
import { catalogs } from './i18n/catalogs.ts';

class Counter extends LitElement {
  static override properties = { ...inputs('items'), label: {}, ...states('_count') };
  declare items: string[];
  declare label: string;
  declare private _count: number;

  constructor() {
    super();
    this._count = 0;
  }

  get count() {
    return this._count;
  }

  bump() {
    this._count++;
  }
}

describe('element declarations', () => {
  it('declares inputs without attribute, states as internal state, each its own object', () => {
    expect(inputs('a', 'b')).toEqual({ a: { attribute: false }, b: { attribute: false } });
    const declared = states('_a', '_b');
    expect(declared).toEqual({ _a: { state: true }, _b: { state: true } });
    expect(declared._a).not.toBe(declared._b);
  });

  it('defines an element once: a second definition is no error, and the states re-render', async () => {
    define('vo-test-counter', Counter);
    expect(() => define('vo-test-counter', class extends Counter {})).not.toThrow();
    expect(customElements.get('vo-test-counter')).toBe(Counter);

    const el = document.createElement('vo-test-counter') as Counter;
    el.setAttribute('items', 'x');
    el.setAttribute('label', 'Label');
    document.body.append(el);
    await el.updateComplete;
    expect(el.items).toBeUndefined();
    expect(el.label).toBe('Label');
    el.bump();
    expect(el.isUpdatePending).toBe(true);
    await el.updateComplete;
    expect(el.count).toBe(1);
    el.remove();
  });
});

describe('failureMessage', () => {
  it('names what happened for each kind of failure', () => {
    const t = catalogs.en;
    const message = (kind: ApiError['kind']) => failureMessage(t, new ApiError(kind, 0, ''));
    expect(message('network')).toBe(t.networkError);
    expect(message('unauthorized')).toBe(t.sessionExpired);
    expect(message('forbidden')).toBe(t.forbidden);
    expect(message('not-found')).toBe(t.notFound);
    expect(message('too-large')).toBe(t.tooLarge);
    expect(message('invalid')).toBe(t.invalidRequest);
    expect(message('server')).toBe(t.serverError);
    expect(failureMessage(t, new TypeError('x'))).toBe(t.serverError);
  });
});
