import { html, raw } from './html.ts';
import { documentPage } from './form-pages.ts';

// The A4 poster for a counter or a waiting room: the question, the service's name, the QR code of
// the hosted feedback page and its address for those who type it. Printed from the browser; the
// stylesheet (DOCUMENT_CSS) sizes it for A4.

/** The poster page; `svg` is the QR code of `address`, made by the collector (not escaped). */
export function qrPoster(serviceName: string, address: string, svg: string): string {
  return documentPage(
    'nl',
    'Hoe tevreden bent u over onze dienstverlening?',
    html`<div class="poster">
      <p class="poster-service">${serviceName}</p>
      <p class="lead">Scan de code met uw smartphone en geef uw mening. Het duurt één minuut.</p>
      <figure class="poster-code" role="img" aria-label="QR-code naar ${address}">
        ${raw(svg)}
      </figure>
      <p class="poster-address">${address}</p>
      <p class="note">Uw feedback is anoniem en u krijgt er geen antwoord op.</p>
    </div>`,
  );
}
