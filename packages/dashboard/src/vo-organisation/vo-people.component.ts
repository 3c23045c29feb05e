import { html, nothing } from 'lit';
import type { Person, PersonRequest } from '@vo-feedback/shared';
import { states } from '../element.ts';
import { describedBy, fieldError } from '../field-errors.ts';
import { figure } from '../figure.ts';
import { OrganisationSection } from '../organisation-section.ts';
import { personFieldErrors, personFromForm, type PersonField } from './drafts.ts';
import { styles } from './vo-organisation.styles.ts';

type PersonErrors = Partial<Record<PersonField, string>>;
const ROLES = ['provider', 'manager'] as const;

/**
 * "Mensen": the people of the manager's organisation who sign in with a personal account — each
 * address with its role in words and whether they have signed in yet; a form to register a
 * provider or a manager; removal after an in-page confirmation (never the manager themselves).
 * `GET`/`POST /api/v1/admin/people`, `DELETE …/:id`, which the collector keeps within the
 * manager's organisation.
 *
 * Accessibility criteria: a section with its own heading and status regions; the role a radio
 * group in a fieldset, each choice with what it may do; errors say how to fix them, sit next to
 * their field and take focus; removal asks first, in the page, with focus on the question.
 *
 * @summary The people of a manager's organisation.
 * @tagname vo-people
 */
export class VoPeople extends OrganisationSection<Person> {
  static override styles = styles;

  static override properties = { ...OrganisationSection.properties, ...states('_errors') };

  declare private _errors: PersonErrors;

  constructor() {
    super();
    this._errors = {};
  }

  protected override fetchItems(signal: AbortSignal) {
    return this.context.api.organisation.people(signal);
  }

  protected override get heading() {
    return this.context.t.peopleHeading;
  }

  protected override reset() {
    this._errors = {};
  }

  #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const { t, api } = this.context;
    const form = event.target as HTMLFormElement;
    const read = personFromForm(new FormData(form), t);
    if ('errors' in read) return this.#showErrors(read.errors);
    this._errors = {};
    const request: PersonRequest = read.value;
    await this.change(
      'add',
      async () => {
        const person = await api.organisation.registerPerson(request);
        form.reset();
        this._items = [...(this._items ?? []).filter((p) => p.id !== person.id), person].sort(
          (a, b) => a.email.localeCompare(b.email),
        );
        this.announce(t.personAdded(person.email, t.personRoles[person.role].toLowerCase()));
        await this.focusOn(`[data-item="${person.id}"] h3`);
      },
      async (error) => {
        const fields = personFieldErrors(error);
        if (fields) await this.#showErrors(fields);
        return fields !== undefined;
      },
    );
  };

  async #showErrors(errors: PersonErrors) {
    const { t } = this.context;
    this._errors = errors;
    const first = errors.email ?? errors.role;
    this.announce(`${t.errorPrefix} ${first}`, true);
    await this.focusOn(errors.email ? '#person-email' : '#person-role-provider');
  }

  async #remove(person: Person) {
    const { t, api } = this.context;
    await this.change(person.id, async () => {
      await api.organisation.removePerson(person.id);
      this._items = (this._items ?? []).filter((p) => p.id !== person.id);
      this._confirming = '';
      this.announce(t.personRemoved(person.email));
      await this.focusOn('#people-heading');
    });
  }

  override render() {
    const { t } = this.context;
    return html`<section aria-labelledby="people-heading">
      <h2 id="people-heading" tabindex="-1">${t.peopleHeading}</h2>
      <p>${t.peopleIntro}</p>
      ${this.statuses(t.peopleLoading)} ${this._items ? this.#list(this._items) : nothing}
      ${this._items ? this.#form() : nothing}
    </section>`;
  }

  #list(people: Person[]) {
    const { t } = this.context;
    if (people.length === 0) {
      return html`<div class="message is-empty" data-empty><p>${t.peopleEmpty}</p></div>`;
    }
    return html`<ul class="items">
      ${people.map((person) => this.#person(person))}
    </ul>`;
  }

  #person(person: Person) {
    const { t, f } = this.context;
    const self = person.email === this.context.person?.email;
    const signedIn = !person.bound
      ? t.personNeverSignedIn
      : person.lastSignInAt
        ? t.personLastSignIn(f.dateTime(person.lastSignInAt))
        : t.personSignedIn;
    return html`<li class="item" data-item=${person.id}>
      <h3 tabindex="-1">${person.email} ${self ? t.personYou : nothing}</h3>
      <dl class="facts">
        ${figure(t.personRoleTerm, 'role', t.personRoles[person.role])}
        ${figure(t.personSignInTerm, 'signed-in', signedIn)}
      </dl>
      ${
        self
          ? nothing
          : html`<button
              class="secondary"
              data-remove
              aria-expanded=${this._confirming === person.id ? 'true' : 'false'}
              @click=${() => void this.ask(person.id)}
            >
              ${t.personRemove}<span class="visually-hidden">: ${person.email}</span>
            </button>`
      }
      ${this.confirmation(
        person.id,
        t.personRemoveQuestion(person.email),
        [t.personRemoveYes, t.personRemoveNo],
        () => void this.#remove(person),
      )}
    </li>`;
  }

  #form() {
    const { t } = this.context;
    const errors = this._errors;
    return html`<form novalidate @submit=${this.#onAdd}>
      <h3>${t.personAddHeading}</h3>
      <div class="field">
        <label for="person-email">${t.personEmail}</label>
        <p class="hint" id="person-email-hint">${t.personEmailHint}</p>
        ${fieldError('person-email-error', errors.email, t.errorPrefix)}
        <input
          id="person-email"
          name="email"
          type="email"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${describedBy(errors.email, 'person-email-error', 'person-email-hint')}
          aria-invalid=${errors.email ? 'true' : 'false'}
        />
      </div>
      <fieldset aria-describedby=${describedBy(errors.role, 'person-role-error')}>
        <legend>${t.personRoleLegend}</legend>
        ${fieldError('person-role-error', errors.role, t.errorPrefix)}
        <ul class="choices">
          ${ROLES.map(
            (role) =>
              html`<li class="check">
                <input
                  id=${`person-role-${role}`}
                  name="role"
                  type="radio"
                  value=${role}
                  aria-describedby=${`person-role-${role}-hint`}
                />
                <label for=${`person-role-${role}`}>${t.personRoles[role]}</label>
                <p class="hint" id=${`person-role-${role}-hint`}>${t.personRoleHints[role]}</p>
              </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>${t.personAdd}</button>
    </form>`;
  }
}
