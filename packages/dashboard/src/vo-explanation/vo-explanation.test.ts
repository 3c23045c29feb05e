import { expect, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { MAX_EXPLANATION } from '@vo-feedback/shared';
import { ApiError } from '../api.ts';
import { explanation } from '../../test/acting.ts';
import { context, deferred, FakeApi, mount, textOf, until } from '../../test/fixtures.ts';
import type { VoExplanation } from './vo-explanation.ts';

async function mounted(
  fake: FakeApi,
  { role = 'provider', scope = 'service' } = {} as {
    role?: 'provider' | 'steering';
    scope?: 'service' | 'organisation';
  },
) {
  const { el } = await mount<VoExplanation>(
    html`<vo-explanation
      .context=${context(fake, { role })}
      scope=${scope}
      subject-id=${scope === 'service' ? 'omgevingsloket' : 'org-a'}
      year="2026"
    ></vo-explanation>`,
  );
  return el;
}

const $ = <E extends Element = HTMLElement>(el: VoExplanation, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector);
const field = (el: VoExplanation) => $<HTMLTextAreaElement>(el, 'textarea')!;
const status = (el: VoExplanation, name: string) => textOf($(el, `[data-status="${name}"]`)!);

/** Types as a person does: the field takes the text, and an input event follows. */
function type(el: VoExplanation, text: string) {
  field(el).value = text;
  field(el).dispatchEvent(new Event('input', { bubbles: true }));
}

const SAVED = explanation({
  text: 'In maart verhuisde het loket; de wachttijden liepen op.',
  updatedAt: '2026-04-02T08:15:00.000Z',
  updatedBy: 'An Peeters',
});

describe('<vo-explanation>', () => {
  it('shows the saved explanation, who saved it and when, and passes axe while loading and loaded', async () => {
    const answer = deferred<ReturnType<typeof explanation>>();
    const fake = new FakeApi({ explanation: () => answer.promise });
    const el = await mounted(fake);
    expect(status(el, 'load')).to.equal('Toelichting wordt geladen…');
    expect(field(el)).to.equal(null);
    await expect(el).to.be.accessible();

    answer.resolve(SAVED);
    await until(() => field(el));
    await expect(el).to.be.accessible();
    expect(fake.calls.map((call) => [call.method, ...call.args])).to.deep.equal([
      ['explanation', 'service', 'omgevingsloket', 2026],
    ]);
    expect(textOf($(el, 'h2')!)).to.equal('Toelichting bij de cijfers van 2026');
    expect(textOf($(el, 'label[for="explanation-text"]')!)).to.equal('Toelichting');
    expect(field(el).value).to.equal(SAVED.text);
    expect(field(el).getAttribute('aria-describedby')).to.equal('explanation-limit');
    expect(textOf($(el, '#explanation-limit')!)).to.contain('U kunt tot 5.000 tekens invullen.');
    expect(textOf($(el, '[data-count]')!)).to.equal(
      `Nog ${(MAX_EXPLANATION - SAVED.text.length).toLocaleString('nl-BE')} tekens over.`,
    );
    expect(textOf($(el, '[data-last-saved]')!)).to.equal(
      `Laatst opgeslagen door An Peeters op ${el.context.f.dateTime(SAVED.updatedAt!)}.`,
    );
    expect(status(el, 'load')).to.equal('');
  });

  it('says there is no explanation yet, and names the organisation’s for its own scope', async () => {
    const fake = new FakeApi({
      explanation: () => explanation({ scope: 'organisation', subjectId: 'org-a' }),
    });
    const el = await mounted(fake, { scope: 'organisation' });
    await until(() => field(el));
    expect(textOf($(el, 'h2')!)).to.equal('Toelichting van uw organisatie bij 2026');
    expect(textOf($(el, '[data-last-saved]')!)).to.equal(
      'Er is nog geen toelichting voor dit jaar.',
    );
    expect(fake.calls[0]!.args).to.deep.equal(['organisation', 'org-a', 2026]);
    await expect(el).to.be.accessible();
  });

  it('counts as you type, and announces what is left only once typing pauses', async () => {
    const el = await mounted(new FakeApi({ explanation: () => explanation() }));
    await until(() => field(el));
    type(el, 'Drukte');
    await el.updateComplete;
    // Shown at once, announced not yet: a screen reader is not interrupted at every keystroke.
    expect(textOf($(el, '[data-count]')!)).to.equal('Nog 4.994 tekens over.');
    expect($(el, '[data-count]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(status(el, 'count')).to.equal('');
    type(el, 'Drukte in maart');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(status(el, 'count')).to.equal('');
    await until(() => status(el, 'count'), 2000);
    expect(status(el, 'count')).to.equal('Nog 4.985 tekens over.');
    expect($(el, '[data-status="count"]')!.getAttribute('role')).to.equal('status');

    type(el, 'x'.repeat(MAX_EXPLANATION + 1));
    await el.updateComplete;
    expect(textOf($(el, '[data-count]')!)).to.equal('1 teken te veel.');
  });

  it('saves with the keyboard, announces it, and shows who saved it', async () => {
    const saved = deferred<ReturnType<typeof explanation>>();
    const fake = new FakeApi({
      explanation: () => explanation(),
      saveExplanation: () => saved.promise,
    });
    const el = await mounted(fake);
    await until(() => field(el));
    field(el).focus();
    await userEvent.keyboard('Nieuwe website in mei.');
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[type="submit"]'));
    await userEvent.keyboard('{Enter}');
    await until(() => status(el, 'save') === 'Bezig met opslaan…');
    expect($(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(fake.calls.at(-1)!.method).to.equal('saveExplanation');
    expect(fake.calls.at(-1)!.args).to.deep.equal([
      'service',
      'omgevingsloket',
      2026,
      'Nieuwe website in mei.',
    ]);

    saved.resolve(
      explanation({
        text: 'Nieuwe website in mei.',
        updatedAt: '2026-06-15T10:00:00.000Z',
        updatedBy: 'Jan Janssens',
      }),
    );
    await until(() => status(el, 'save') === 'De toelichting is opgeslagen.');
    expect(textOf($(el, '[data-last-saved]')!)).to.equal(
      `Laatst opgeslagen door Jan Janssens op ${el.context.f.dateTime('2026-06-15T10:00:00.000Z')}.`,
    );
    expect($(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('removes the explanation when saved empty, and says so', async () => {
    const fake = new FakeApi({
      explanation: () => SAVED,
      saveExplanation: () =>
        explanation({ updatedAt: '2026-06-15T10:00:00.000Z', updatedBy: 'An' }),
    });
    const el = await mounted(fake);
    await until(() => field(el));
    type(el, '');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'save') === 'De toelichting is verwijderd.');
    expect(fake.calls.at(-1)!.args[3]).to.equal('');
  });

  it('does not send a text over the limit: says how to fix it, tied to the field, and focuses it', async () => {
    const fake = new FakeApi({ explanation: () => explanation() });
    const el = await mounted(fake);
    await until(() => field(el));
    type(el, 'x'.repeat(MAX_EXPLANATION + 2));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#explanation-error'));
    expect(textOf($(el, '#explanation-error')!)).to.equal(
      'Fout: Kort de toelichting in tot hoogstens 5.000 tekens.',
    );
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(field(el).getAttribute('aria-describedby')).to.equal(
      'explanation-error explanation-limit',
    );
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    expect(status(el, 'save')).to.equal('Fout: Kort de toelichting in tot hoogstens 5.000 tekens.');
    expect(fake.calls.map((call) => call.method)).to.deep.equal(['explanation']);
    await expect(el).to.be.accessible();
  });

  it('says what the collector refused and why, and what to do when it cannot be reached', async () => {
    let failure: ApiError = new ApiError('invalid', 400, 'The body is not valid; see errors.', [
      { path: 'text', message: 'Shorten the explanation to at most 5000 characters.' },
    ]);
    const fake = new FakeApi({
      explanation: () => explanation(),
      saveExplanation: () => {
        throw failure;
      },
    });
    const el = await mounted(fake);
    await until(() => field(el));
    type(el, 'Tekst');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'save').startsWith('Fout'));
    expect(status(el, 'save')).to.equal(
      'Fout: Niet opgeslagen. Dit werd niet aanvaard. Pas het aan en probeer opnieuw: Shorten the explanation to at most 5000 characters.',
    );
    await expect(el).to.be.accessible();

    failure = new ApiError('network', 0, 'Failed to fetch');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => status(el, 'save').includes(el.context.t.networkError));
    // What was typed is kept, to save again.
    expect(field(el).value).to.equal('Tekst');
  });

  it('offers to try again when the explanation cannot be loaded', async () => {
    let failures = 1;
    const el = await mounted(
      new FakeApi({
        explanation: () => {
          if (failures-- > 0) throw new ApiError('server', 502, 'Bad Gateway');
          return SAVED;
        },
      }),
    );
    await until(() => $(el, '.message.is-error'));
    expect(textOf($(el, '.message.is-error')!)).to.contain(el.context.t.serverError);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.message.is-error button')!.click();
    await until(() => field(el));
    expect(field(el).value).to.equal(SAVED.text);
  });

  it('shows nothing to a steering token, and asks for nothing', async () => {
    const fake = new FakeApi({ explanation: () => SAVED });
    const el = await mounted(fake, { role: 'steering' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('textarea, button, h2')).to.equal(null);
    expect(fake.calls).to.deep.equal([]);
  });

  it('fits 320 px without scrolling sideways', async () => {
    const { el: box } = await mount<HTMLDivElement>(
      html`<div style="width: 320px; overflow: auto; position: relative">
        <vo-explanation
          .context=${context(new FakeApi({ explanation: () => SAVED }))}
          scope="service"
          subject-id="omgevingsloket"
          year="2026"
        ></vo-explanation>
      </div>`,
    );
    const el = box.querySelector('vo-explanation')!;
    await until(() => field(el));
    // The box scrolls: anything wider than 320 px inside it makes it scroll sideways.
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
  });
});
