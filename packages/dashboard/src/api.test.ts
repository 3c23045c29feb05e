import { describe, expect, it } from 'vitest';
import { attachmentName, mapLimited } from './api.ts';

describe('download file names', () => {
  it('reads the name from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="dienst-a-2026.csv"')).toBe('dienst-a-2026.csv');
    expect(attachmentName('inline; filename=jaarrapport.html')).toBe('jaarrapport.html');
    expect(attachmentName("attachment; filename*=UTF-8''rapport%20%C3%A9t%C3%A9.csv")).toBe(
      'rapport été.csv',
    );
    expect(attachmentName(null)).toBeUndefined();
    expect(attachmentName('attachment')).toBeUndefined();
  });
});

describe('mapLimited', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const result = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
