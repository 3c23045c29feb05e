// What every element of the dashboard declares the same way: its reactive properties and its
// registration.
import type { PropertyDeclaration } from 'lit';

// A fresh object per name: Lit may write into a declaration it is given.
function declare(names: string[], declaration: PropertyDeclaration) {
  return Object.fromEntries(names.map((name) => [name, { ...declaration }])) as Record<
    string,
    PropertyDeclaration
  >;
}

/** Properties handed over from JavaScript only (objects, arrays): no attribute. */
export function inputs(...names: string[]) {
  return declare(names, { attribute: false });
}

/** The element's internal reactive state: re-renders on change, no attribute, not public. */
export function states(...names: string[]) {
  return declare(names, { state: true });
}

/** Defines a custom element once, so that a second import of its module does no harm. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
