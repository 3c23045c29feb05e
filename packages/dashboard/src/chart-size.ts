import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The width of a chart's box and the size of 1em there, in CSS pixels. Charts draw in these
 * pixels (one SVG unit = one CSS pixel), so their text is exactly as large as the text around it
 * at any width, zoom level or default font size — a viewBox that scales would shrink it to
 * unreadable at 320 px.
 */
export class ChartSize implements ReactiveController {
  width = 560;
  em = 16;
  #observer: ResizeObserver | undefined;
  #observed: Element | null = null;

  constructor(
    private readonly host: Host,
    /** The element whose width the chart fills, inside the host's render root. */
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(() => this.#measure());
    this.#observed = null;
  }

  hostUpdated(): void {
    const box = this.host.renderRoot.querySelector(this.selector);
    if (box && box !== this.#observed) {
      if (this.#observed) this.#observer?.unobserve(this.#observed);
      this.#observed = box;
      this.#observer?.observe(box);
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = null;
  }

  #measure() {
    const box = this.#observed;
    if (!box) return;
    const width = Math.floor(box.getBoundingClientRect().width);
    const em = parseFloat(getComputedStyle(box).fontSize) || 16;
    if (width > 0 && (width !== this.width || em !== this.em)) {
      this.width = width;
      this.em = em;
      this.host.requestUpdate();
    }
  }
}
