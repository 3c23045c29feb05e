import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { DashboardContext } from '../context.ts';
import { inputs, states } from '../element.ts';
import { emit } from '../events.ts';
import { isDay, presetOf, presetPeriod, PRESETS, type Period, type Preset } from '../period.ts';
import { styles } from './vo-period-picker.styles.ts';

export type { PeriodChangeDetail } from '../events.ts';

interface DateErrors {
  from?: string;
  to?: string;
}

/**
 * Chooses the period of the figures: last 30 days, this year, last year, or two dates. Nothing
 * changes until the button is pressed (WCAG 3.2.2: choosing an option does not reload the page).
 *
 * Accessibility criteria: native radios in a fieldset with a legend; native date fields with
 * labels; each error is tied to its field, the field is marked invalid and the first one takes focus.
 *
 * @summary The period form of a service's figures.
 * @tagname vo-period-picker
 * @fires {CustomEvent<PeriodChangeDetail>} vo-period-change - A valid period was chosen.
 */
export class VoPeriodPicker extends LitElement {
  static override styles = styles;

  static override properties = { ...inputs('context', 'period'), ...states('_preset', '_errors') };

  declare context: DashboardContext;
  /** The period shown now. */
  declare period: Period;
  declare private _preset: Preset;
  declare private _errors: DateErrors;

  constructor() {
    super();
    this._preset = 'this-year';
    this._errors = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('period')) {
      this._preset = presetOf(this.period, this.context.today);
      this._errors = {};
    }
  }

  #onPreset = (event: Event) => {
    this._preset = (event.target as HTMLInputElement).value as Preset;
    this._errors = {};
  };

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    let period: Period;
    if (this._preset === 'custom') {
      const fromField = this.renderRoot.querySelector<HTMLInputElement>('#from')!;
      const toField = this.renderRoot.querySelector<HTMLInputElement>('#to')!;
      const from = fromField.value;
      const to = toField.value;
      const t = this.context.t;
      const errors: DateErrors = {};
      if (!isDay(from)) errors.from = t.fromInvalid;
      if (!isDay(to)) errors.to = t.toInvalid;
      if (!errors.from && !errors.to && from > to) errors.from = t.periodOrder;
      this._errors = errors;
      if (errors.from || errors.to) {
        await this.updateComplete;
        (errors.from ? fromField : toField).focus();
        return;
      }
      period = { from, to };
    } else {
      period = presetPeriod(this._preset, this.context.today);
    }
    emit(this, 'vo-period-change', { period });
  };

  override render() {
    const { t } = this.context;
    return html`<form @submit=${this.#submit} novalidate>
      <fieldset>
        <legend>${t.periodLegend}</legend>
        <div class="presets">
          ${PRESETS.map(
            (preset) =>
              html`<label class="option">
                <input
                  type="radio"
                  name="preset"
                  value=${preset}
                  .checked=${this._preset === preset}
                  @change=${this.#onPreset}
                />
                <span>${t.presets[preset]}</span>
              </label>`,
          )}
        </div>
        ${this._preset === 'custom' ? this.#dates() : nothing}
      </fieldset>
      <button type="submit">${t.showPeriod}</button>
    </form>`;
  }

  #dates() {
    const { t, today } = this.context;
    const field = (id: 'from' | 'to', label: string, value: string) => {
      const error = this._errors[id];
      return html`<div class="field">
        <label for=${id}>${label}</label>
        ${
          error
            ? html`<p id=${`${id}-error`} class="error">
                <span class="visually-hidden">${t.errorPrefix}</span> ${error}
              </p>`
            : nothing
        }
        <input
          id=${id}
          type="date"
          max=${today}
          .value=${value}
          aria-describedby=${error ? `${id}-error` : nothing}
          aria-invalid=${error ? 'true' : 'false'}
        />
      </div>`;
    };
    return html`<div class="dates">
      ${field('from', t.from, this.period.from)} ${field('to', t.to, this.period.to)}
    </div>`;
  }
}
