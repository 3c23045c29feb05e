import { describe, expect, it } from 'vitest';
import { jsonLogger } from './logger.ts';

describe('jsonLogger', () => {
  it('writes one JSON object a line: time, level, message, then the fields', () => {
    const lines: string[] = [];
    const logger = jsonLogger((line) => lines.push(line));
    const before = Date.now();
    logger.info('request', { requestId: 'r1', path: '/a "quoted" \\ path', status: 201, ms: 1.5 });
    logger.warn('no fields');
    logger.error('skipped', { kept: 1, absent: undefined });
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    const [request, warning, error] = lines.map((line) => JSON.parse(line));
    expect(Object.keys(request)).toEqual([
      'time',
      'level',
      'message',
      'requestId',
      'path',
      'status',
      'ms',
    ]);
    expect(request).toMatchObject({
      level: 'info',
      message: 'request',
      path: '/a "quoted" \\ path',
    });
    expect(Date.parse(request.time)).toBeGreaterThanOrEqual(before - 1);
    expect(request.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(warning).toEqual({ time: warning.time, level: 'warn', message: 'no fields' });
    expect(error).toEqual({ time: error.time, level: 'error', message: 'skipped', kept: 1 });
  });
});
