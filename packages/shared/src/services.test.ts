import { describe, expect, it } from 'vitest';
import { MeSchema, ServiceListSchema } from './index.ts';

describe('the service list and /me answers', () => {
  it('accepts what the collector answers for a provider and a steering token', () => {
    expect(
      MeSchema.parse({ role: 'provider', organisationId: 'org-a', organisationName: 'Org A' }),
    ).toEqual({ role: 'provider', organisationId: 'org-a', organisationName: 'Org A' });
    expect(
      MeSchema.safeParse({ role: 'steering', organisationId: null, organisationName: null })
        .success,
    ).toBe(true);
    const services = [
      {
        id: 'dienst-a',
        name: 'Dienst A',
        organisationId: 'org-a',
        active: true,
        publicServiceUri: null,
      },
      {
        id: 'dienst-b',
        name: 'Dienst B',
        organisationId: 'org-b',
        active: false,
        publicServiceUri: 'https://data.vlaanderen.be/id/dienst-b',
      },
    ];
    expect(ServiceListSchema.parse(services)).toEqual(services);
  });

  it('refuses an unknown role and a service without its organisation', () => {
    expect(
      MeSchema.safeParse({ role: 'admin', organisationId: null, organisationName: null }).success,
    ).toBe(false);
    expect(
      ServiceListSchema.safeParse([
        { id: 'dienst-a', name: 'Dienst A', active: true, publicServiceUri: null },
      ]).success,
    ).toBe(false);
  });
});
