import { describe, expect, it } from 'vitest';
import { MeSchema, ServiceListSchema } from './index.ts';

describe('the service list and /me answers', () => {
  it('accepts what the collector answers for a provider and a steering token', () => {
    const provider = {
      role: 'provider',
      organisationId: 'org-a',
      organisationName: 'Org A',
      minimumN: 10,
      person: null,
    };
    expect(MeSchema.parse(provider)).toEqual(provider);
    const manager = { ...provider, person: { email: 'an@org-a.be', role: 'manager' } };
    expect(MeSchema.parse(manager)).toEqual(manager);
    expect(
      MeSchema.safeParse({
        role: 'steering',
        organisationId: null,
        organisationName: null,
        minimumN: 10,
        person: null,
      }).success,
    ).toBe(true);
    const services = [
      {
        id: 'dienst-a',
        name: 'Dienst A',
        organisationId: 'org-a',
        organisationName: 'Org A',
        active: true,
        publicServiceUri: null,
      },
      {
        id: 'dienst-b',
        name: 'Dienst B',
        organisationId: 'org-b',
        organisationName: 'Org B',
        active: false,
        publicServiceUri: 'https://data.vlaanderen.be/id/dienst-b',
      },
    ];
    expect(ServiceListSchema.parse(services)).toEqual(services);
  });

  it('refuses an unknown role, a /me without its minimum and a service without its organisation', () => {
    const steering = {
      role: 'steering',
      organisationId: null,
      organisationName: null,
      person: null,
    };
    expect(MeSchema.safeParse({ ...steering, role: 'admin', minimumN: 10 }).success).toBe(false);
    expect(MeSchema.safeParse(steering).success).toBe(false);
    expect(
      ServiceListSchema.safeParse([
        { id: 'dienst-a', name: 'Dienst A', active: true, publicServiceUri: null },
      ]).success,
    ).toBe(false);
    expect(
      ServiceListSchema.safeParse([
        {
          id: 'dienst-a',
          name: 'Dienst A',
          organisationId: 'org-a',
          active: true,
          publicServiceUri: null,
        },
      ]).success,
    ).toBe(false);
  });
});
