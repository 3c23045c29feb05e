import { css } from 'lit';

/**
 * The Flemish design tokens (Vlaanderen Design System, colour foundation v2), the same as the
 * widget's, each behind a public `--vo-dashboard-*` custom property. Styles read only the private
 * `--_*` names set here.
 *
 * Yellow is an accent (1.2:1 on white): never text, the edge of a control, or the focus ring.
 */
export const tokens = css`
  :host {
    --_font: var(--vo-dashboard-font-family, 'Flanders Art Sans', Arial, sans-serif);
    --_text: var(--vo-dashboard-color-text, #333332);
    --_muted: var(--vo-dashboard-color-muted, #5c6470);
    --_bg: var(--vo-dashboard-color-background, #f7f9fc);
    --_surface: var(--vo-dashboard-color-surface, #fff);
    --_accent: var(--vo-dashboard-color-accent, #ffed00);
    --_action: var(--vo-dashboard-color-action, #0055cc);
    --_hover: var(--vo-dashboard-color-action-hover, #003b8e);
    --_on-action: var(--vo-dashboard-color-on-action, #fff);
    --_focus: var(--vo-dashboard-color-focus, #0055cc);
    --_border: var(--vo-dashboard-color-border, #cfd5dd);
    /* A control's edge needs 3:1 (WCAG 1.4.11); the light border colour is only 1.4:1. */
    --_input: var(--vo-dashboard-color-input-border, #687483);
    --_error: var(--vo-dashboard-color-error, #bc3136);
    --_error-border: var(--vo-dashboard-color-error-border, #d2373c);
    --_success: var(--vo-dashboard-color-success, #007a37);
    /* Chart fills: the action blue and a light tint of it for the confidence band. */
    --_bar: var(--vo-dashboard-color-bar, #0055cc);
    --_band: var(--vo-dashboard-color-band, #c5d6f2);
    --_radius: var(--vo-dashboard-radius, 3px);
  }
`;
