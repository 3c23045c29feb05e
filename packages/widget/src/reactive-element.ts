import { render } from 'lit/html.js';

/** A reactive property in `static properties`: the part of Lit's declaration the widget uses. */
export interface PropertyDeclaration {
  /** The attribute it is read from; default: its name in lower case. */
  attribute?: string;
  /** `Number`: the attribute is read as a number (Lit's `type: Number`); else as a string. */
  type?: NumberConstructor;
  /** The value is written back to the attribute at the next update (unless read from it). */
  reflect?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}

type Properties = Record<string, PropertyDeclaration>;

/** The attribute a property is read from, if any. */
const attributeOf = (name: string, { state, attribute }: PropertyDeclaration) =>
  state ? undefined : (attribute ?? name.toLowerCase());

/** One constructed stylesheet per text, shared by every shadow root that adopts it. */
const sheets: Record<string, CSSStyleSheet> = {};

/**
 * What <vo-feedback> used of LitElement, in about a fifth of its bytes (LitElement and
 * ReactiveElement were about 2.7 KB of the 10 KB gzip budget, and their set-up part of every first
 * render): reactive properties declared as Lit declares them (`static properties`), read from their
 * attributes and, with `reflect`, written back; any number of changes batched into one update a
 * microtask later, once connected; then `willUpdate`, `render` (a lit-html template, into an open
 * shadow root styled by one constructed stylesheet), `updated`, and `updateComplete`, in Lit's
 * order and with Lit's meaning. Properties a page set before the element was defined are applied
 * at the first update, as Lit does.
 */
export abstract class ReactiveElement extends HTMLElement {
  static properties: Properties = {};
  /** The shadow root's CSS. */
  static styles = '';

  // Read once, when the class is defined: also where each property gets its accessor.
  static get observedAttributes(): string[] {
    const attributes = [];
    for (const [name, declaration] of Object.entries(this.properties)) {
      Object.defineProperty(this.prototype, name, {
        get(this: ReactiveElement) {
          return this.#values[name];
        },
        set(this: ReactiveElement, value: unknown) {
          if (Object.is(this.#values[name], value)) return;
          this.#values[name] = value;
          if (declaration.reflect && this.#busy != name) this.#reflect.add(name);
          this.requestUpdate();
        },
        configurable: true,
      });
      const attribute = attributeOf(name, declaration);
      if (attribute) attributes.push(attribute);
    }
    return attributes;
  }

  /** The element seen as its properties, by name. */
  #self = this as unknown as Record<string, unknown>;
  #values: Record<string, unknown> = {};
  /** Properties to write back to their attributes at the next update. */
  #reflect = new Set<string>();
  /** The property being read from, or written to, its attribute: no echo either way. */
  #busy: string | undefined;
  /** Values set on the element before it was defined, applied at the first update. */
  #early: [string, unknown][] = [];
  #pending = false;
  #connect!: (value?: unknown) => void;
  /** The last update asked for; the first waits for the element to be connected. */
  #update: Promise<unknown> = new Promise((resolve) => (this.#connect = resolve));

  constructor() {
    super();
    for (const name in this.#properties()) {
      if (Object.hasOwn(this, name)) {
        this.#early.push([name, this.#self[name]]);
        delete this.#self[name];
      }
    }
    this.requestUpdate();
  }

  #properties(): Properties {
    return (this.constructor as typeof ReactiveElement).properties;
  }

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const css = (this.constructor as typeof ReactiveElement).styles;
      if (root.adoptedStyleSheets) {
        let sheet = sheets[css];
        if (!sheet) (sheet = sheets[css] = new CSSStyleSheet()).replaceSync(css);
        root.adoptedStyleSheets = [sheet];
      } else {
        // No constructed stylesheets (Safari before 16.4): a <style> element, as Lit does.
        const style = document.createElement('style');
        const nonce = (globalThis as { litNonce?: string }).litNonce;
        if (nonce) style.setAttribute('nonce', nonce);
        style.textContent = css;
        root.append(style);
      }
    }
    this.#connect();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const properties = this.#properties();
    for (const name in properties) {
      const declaration = properties[name]!;
      if (attributeOf(name, declaration) == attribute && this.#busy != name) {
        this.#busy = name;
        this.#self[name] = declaration.type && value != null ? declaration.type(value) : value;
        this.#busy = undefined;
      }
    }
  }

  /** Asks for an update a microtask from now (one for any number of changes). */
  requestUpdate(): void {
    if (this.#pending) return;
    this.#pending = true;
    const update = () => this.#performUpdate();
    this.#update = this.#update.then(update, update);
  }

  #performUpdate(): boolean {
    let template: unknown;
    try {
      for (const [name, value] of this.#early.splice(0)) this.#self[name] = value;
      this.willUpdate();
      template = this.render();
      const properties = this.#properties();
      for (const name of this.#reflect) {
        const value = this.#self[name];
        const attribute = attributeOf(name, properties[name]!)!;
        this.#busy = name;
        if (value == null) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
        this.#busy = undefined;
      }
    } finally {
      // Changes from here on (in the commit, in `updated`) ask for another update.
      this.#reflect.clear();
      this.#pending = false;
    }
    render(template, this.shadowRoot!, { host: this });
    this.updated();
    return !this.#pending;
  }

  /** Resolves after the update under way, if any: true, or false when it asked for another. */
  get updateComplete(): Promise<boolean> {
    return this.getUpdateComplete();
  }

  protected getUpdateComplete(): Promise<boolean> {
    return this.#update as Promise<boolean>;
  }

  /** Before each render: compute what the render needs. */
  protected willUpdate(): void {}

  /** The shadow root's content: a lit-html template. */
  protected abstract render(): unknown;

  /** After each render. */
  protected updated(): void {}
}
