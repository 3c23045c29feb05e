// SVG text does not wrap: a chart that draws a label longer than its room breaks it into lines
// itself, measured in the font the label is drawn in.

/** The width of a text in CSS pixels. */
export type Measure = (text: string) => number;

let canvas: CanvasRenderingContext2D | null | undefined;

/** Measures text in `font` (a CSS font shorthand, e.g. "16px Arial, sans-serif"). */
export function textMeasurer(font: string): Measure {
  canvas ??= document.createElement('canvas').getContext('2d');
  const context = canvas;
  // No 2D context (a browser without canvas): an average glyph is about half an em wide.
  if (!context) return (text) => text.length * (parseFloat(font) || 16) * 0.55;
  return (text) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

/**
 * `text` in lines of at most `width` pixels, broken between words. A single word wider than
 * `width` keeps a line of its own: it is never cut.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer) > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
