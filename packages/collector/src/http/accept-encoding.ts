// Content negotiation of the precompressed copies of the built front ends (RFC 9110 §12.5.3).

/** The codings the build writes beside each file, in the order the collector prefers them. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number];

/** Each coding the header names, with its weight (`q`, 0–1; 1 when absent). */
function weights(header: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (name === '') continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(parameter);
      if (match) q = Number(match[1]);
    }
    // x-gzip is gzip's old name (RFC 9110 §8.4.1.3).
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    // A coding named twice: the first mention counts, as most servers read it.
    if (!named.has(coding)) named.set(coding, Math.min(q, 1));
  }
  return named;
}

/**
 * Which of the `available` copies to send for an `Accept-Encoding` header: the coding with the
 * highest weight, brotli before gzip when they weigh the same; `identity` (the file itself)
 * when the client names none of them, weighs them 0, or sends no header at all (then any coding
 * would be allowed, but a client that says nothing may not decode one). The file itself is sent
 * even when the header refuses it (`identity;q=0`) and no copy fits: RFC 9110 lets a server
 * ignore the header rather than fail, and every client reads an uncompressed body.
 */
export function chooseCoding(
  header: string | undefined,
  available: ReadonlySet<Coding>,
): Coding | 'identity' {
  if (!header) return 'identity';
  const named = weights(header);
  const wildcard = named.get('*');
  let best: Coding | undefined;
  let bestWeight = 0;
  for (const coding of CODINGS) {
    if (!available.has(coding)) continue;
    const weight = named.get(coding) ?? wildcard ?? 0;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best ?? 'identity';
}
