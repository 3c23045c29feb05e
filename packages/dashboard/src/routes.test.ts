import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './routes.ts';

describe('hash routes', () => {
  it('round-trips a service with its period', () => {
    const route = {
      view: 'service' as const,
      serviceId: 'omgevingsloket-aanvraag',
      period: { from: '2025-01-01', to: '2025-12-31' },
    };
    expect(routeHash(route)).toBe(
      '#/services/omgevingsloket-aanvraag?from=2025-01-01&to=2025-12-31',
    );
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('drops a period that is not a valid pair of days', () => {
    for (const query of [
      'from=2025-02-30&to=2025-03-01',
      'from=2025-03-01&to=2025-01-01',
      'to=2025-01-01',
    ]) {
      expect(parseRoute(`#/services/dienst-a?${query}`)).toEqual({
        view: 'service',
        serviceId: 'dienst-a',
        period: undefined,
      });
    }
  });

  it('round-trips the overview', () => {
    expect(routeHash({ view: 'overview' })).toBe('#/overzicht');
    expect(parseRoute('#/overzicht')).toEqual({ view: 'overview' });
  });

  it('falls back to the service list for anything else', () => {
    for (const hash of ['', '#', '#/', '#/elders', '#/overzicht/x', '#/services/%E0%A4%A']) {
      expect(parseRoute(hash)).toEqual({ view: 'services' });
    }
  });
});
