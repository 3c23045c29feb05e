import { describe, expect, it } from 'vitest';
import { chooseCoding, type Coding } from './accept-encoding.ts';

const both = new Set<Coding>(['br', 'gzip']);

describe('chooseCoding', () => {
  it('prefers brotli, then gzip, then the file itself', () => {
    expect(chooseCoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseCoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseCoding('x-gzip', both)).toBe('gzip');
    expect(chooseCoding('deflate', both)).toBe('identity');
    expect(chooseCoding('', both)).toBe('identity');
    expect(chooseCoding(undefined, both)).toBe('identity');
  });

  it('sends only a copy the build wrote', () => {
    expect(chooseCoding('br, gzip', new Set(['gzip']))).toBe('gzip');
    expect(chooseCoding('br, gzip', new Set())).toBe('identity');
  });

  it('honours the weights: q=0 refuses a coding, a higher q wins', () => {
    expect(chooseCoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseCoding('BR; Q=0, gzip;q=0', both)).toBe('identity');
    expect(chooseCoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip');
    expect(chooseCoding('gzip;q=0.8, br;q=0.8', both)).toBe('br');
    expect(chooseCoding('*', both)).toBe('br');
    expect(chooseCoding('*;q=0.1, br;q=0', both)).toBe('gzip');
    // Nothing acceptable but the refused file itself: the file, rather than no answer.
    expect(chooseCoding('identity;q=0, deflate', both)).toBe('identity');
  });
});
