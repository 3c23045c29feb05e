import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { context, mount, PERIOD, TODAY } from '../../test/fixtures.ts';
import type { VoPeriodPicker } from './vo-period-picker.ts';

async function mounted(period = PERIOD) {
  return mount<VoPeriodPicker>(
    html`<vo-period-picker .context=${context()} .period=${period}></vo-period-picker>`,
    'vo-period-change',
  );
}

const radio = (el: VoPeriodPicker, value: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
const submit = (el: VoPeriodPicker) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;

describe('<vo-period-picker>', () => {
  it('checks the preset the period matches, and passes axe', async () => {
    const { el } = await mounted();
    expect(radio(el, 'this-year').checked).to.equal(true);
    await expect(el).to.be.accessible();
    const custom = await mounted({ from: '2026-02-01', to: '2026-02-10' });
    expect(radio(custom.el, 'custom').checked).to.equal(true);
    expect(custom.el.shadowRoot!.querySelector<HTMLInputElement>('#from')!.value).to.equal(
      '2026-02-01',
    );
  });

  it('changes nothing until the button is pressed, then gives the preset period', async () => {
    const { el, events } = await mounted();
    radio(el, 'last-year').click();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    submit(el).focus();
    await userEvent.keyboard('{Enter}');
    expect(events.map((event) => event.detail)).to.deep.equal([
      { period: { from: '2025-01-01', to: '2025-12-31' } },
    ]);
  });

  it('ties a wrong date to its field and moves focus there', async () => {
    const { el, events } = await mounted();
    radio(el, 'custom').click();
    await el.updateComplete;
    const from = el.shadowRoot!.querySelector<HTMLInputElement>('#from')!;
    const to = el.shadowRoot!.querySelector<HTMLInputElement>('#to')!;
    expect(to.max).to.equal(TODAY);
    from.value = '2026-05-01';
    to.value = '2026-04-01';
    submit(el).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#from-error')!.textContent).to.contain(
      el.context.t.periodOrder,
    );
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(from.getAttribute('aria-describedby')).to.equal('from-error');
    expect(el.shadowRoot!.activeElement).to.equal(from);
    expect(events).to.deep.equal([]);
    await expect(el).to.be.accessible();

    from.value = '2026-03-01';
    submit(el).click();
    expect(events.map((event) => event.detail)).to.deep.equal([
      { period: { from: '2026-03-01', to: '2026-04-01' } },
    ]);
  });
});
