/**
 * The Flemish design tokens (Vlaanderen Design System, colour foundation v2), each behind a public
 * custom property so a city or municipality can restyle the widget without reaching into its
 * shadow root: set them on the element or any ancestor, e.g. `:root { --vo-feedback-color-action:
 * #a01f3a }`. The styles use them as `var(--vo-feedback-…, <Flemish value>)`; a test checks that
 * every use carries the value listed here.
 *
 * Yellow is an accent (1.2:1 on white): never text, the edge of a control, or the focus ring.
 */
export const tokens = {
  '--vo-feedback-font-family': "'Flanders Art Sans', Arial, sans-serif",
  '--vo-feedback-color-text': '#333332',
  '--vo-feedback-color-background': '#f7f9fc',
  '--vo-feedback-color-accent': '#ffed00',
  '--vo-feedback-color-action': '#0055cc',
  '--vo-feedback-color-action-hover': '#003b8e',
  '--vo-feedback-color-focus': '#0055cc',
  '--vo-feedback-color-border': '#cfd5dd',
  '--vo-feedback-color-input-border': '#687483',
  '--vo-feedback-color-error': '#bc3136',
  '--vo-feedback-color-success': '#007a37',
} as const;
