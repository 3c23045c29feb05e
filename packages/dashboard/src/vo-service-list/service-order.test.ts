import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { ServiceInfo } from '@vo-feedback/shared';
import { SERVICES, summary } from '../../test/fixtures.ts';
import {
  byOrganisation,
  csatChange,
  matchingServices,
  sortServices,
  type Loaded,
} from './service-order.ts';

const service = (id: string, name: string, organisationName: string): ServiceInfo => ({
  id,
  name,
  organisationId: organisationName.toLowerCase().replace(/\W+/g, '-'),
  organisationName,
  active: true,
  publicServiceUri: null,
});

const ids = (services: ServiceInfo[]) => services.map((s) => s.id);

describe('matchingServices', () => {
  it('finds a part of a service or organisation name, whatever its case, accents or dashes', () => {
    const list = [
      service('a', 'Inschrijving crèche', 'Stad Gent'),
      service('b', 'Omgevingsvergunning', 'Departement Omgeving'),
      service('c', 'Parkeerkaart', 'Sint-Niklaas'),
    ];
    expect(ids(matchingServices(list, 'creche'))).to.deep.equal(['a']);
    expect(ids(matchingServices(list, 'omgeving'))).to.deep.equal(['b']);
    expect(ids(matchingServices(list, 'sint niklaas'))).to.deep.equal(['c']);
    expect(ids(matchingServices(list, '  '))).to.deep.equal(['a', 'b', 'c']);
    expect(ids(matchingServices(list, 'gent stad'))).to.deep.equal([]);
  });
});

describe('sortServices', () => {
  const list = [
    service('b', 'Bouwen', 'Stad Aalst'),
    service('a', 'Afval', 'Stad Aalst'),
    service('z', 'Zwemmen', 'Agentschap'),
    service('x', 'Onbekend', 'Agentschap'),
  ];
  const figures = new Map<string, Loaded>([
    ['a', { current: summary({ responses: 20, csat: 0.7 }), previous: summary({ csat: 0.9 }) }],
    ['b', { current: summary({ responses: 5, csat: 0.9 }), previous: summary({ csat: 0.8 }) }],
    ['z', { error: new Error('down') }],
  ]);

  it('by organisation name, then service name', () => {
    expect(ids(sortServices(list, figures, 'name', 'nl-BE'))).to.deep.equal(['x', 'z', 'a', 'b']);
  });

  it('by figure, those without one last (by name)', () => {
    expect(ids(sortServices(list, figures, 'responses', 'nl-BE'))).to.deep.equal([
      'a',
      'b',
      'x',
      'z',
    ]);
    expect(ids(sortServices(list, figures, 'csat', 'nl-BE'))).to.deep.equal(['a', 'b', 'x', 'z']);
    expect(ids(sortServices(list, figures, 'trend', 'nl-BE'))).to.deep.equal(['a', 'b', 'x', 'z']);
  });
});

describe('csatChange and byOrganisation', () => {
  it('rounds the change to the shown precision; null without both figures', () => {
    const now = summary({ csat: 0.80004 });
    expect(csatChange({ current: now, previous: summary({ csat: 0.8 }) })).to.equal(0);
    expect(csatChange({ current: now, previous: summary({ csat: null }) })).to.equal(null);
  });

  it('keeps the order given within and between organisations', () => {
    const groups = byOrganisation([SERVICES[1]!, SERVICES[0]!]);
    expect(groups.map((group) => group[0]!.organisationName)).to.deep.equal([
      'Agentschap Wegen',
      'Stad Zonnedorp',
    ]);
  });
});
