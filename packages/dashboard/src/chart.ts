import { css, html, type SVGTemplateResult, type TemplateResult } from 'lit';

// What the two charts share: the image with its text alternative, the data table beside it, and
// the look of SVG text. Each chart draws its own marks.

/**
 * The chart as one image whose text alternative (`title`) points to the table. One SVG unit is
 * one CSS pixel (see ChartSize), so its text is as large as the text around it.
 */
export function chartImage(
  id: string,
  width: number,
  height: number,
  title: string,
  marks: unknown,
): TemplateResult {
  return html`<svg
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby=${`${id}-title`}
  >
    <title id=${`${id}-title`}>${title}</title>
    ${marks}
  </svg>`;
}

/**
 * The chart's figures as a table: a caption, column headers (the first names the rows, the others
 * are numbers) and rows whose first cell is a row header. It scrolls sideways inside its own
 * focusable region, named by the caption, when it is wider than the screen.
 */
export function chartTable(
  id: string,
  caption: string,
  [rowHeader, ...numberHeaders]: readonly string[],
  rows: readonly (TemplateResult | SVGTemplateResult)[],
): TemplateResult {
  return html`<div
    class="table-scroll"
    tabindex="0"
    role="region"
    aria-labelledby=${`${id}-caption`}
  >
    <table>
      <caption id=${`${id}-caption`}>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${rowHeader}</th>
          ${numberHeaders.map((header) => html`<th scope="col" class="number">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** SVG text in the page's font and colour, and in the system's text colour in forced colours. */
export const chartStyles = css`
  svg {
    display: block;
    overflow: visible;
    font-family: var(--_font);
  }
  text {
    fill: var(--_text);
  }
  @media (forced-colors: active) {
    text {
      fill: CanvasText;
    }
  }
`;
