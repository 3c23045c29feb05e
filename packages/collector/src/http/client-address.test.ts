import { describe, expect, it } from 'vitest';
import { rateLimitSubject } from './client-address.ts';
import { submission, testCollector } from '../test-support/fixtures.ts';

describe('rateLimitSubject', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped or with a port', () => {
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitSubject('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(rateLimitSubject('203.0.113.7:51234')).toBe('203.0.113.7');
  });

  it('reduces an IPv6 address to its /64, whatever its spelling', () => {
    const prefix = '2001:db8:a:b::/64';
    for (const written of [
      '2001:db8:a:b::1',
      '2001:0db8:000a:000b:ffff:ffff:ffff:ffff',
      '2001:DB8:A:B:0:0:0:1',
      '[2001:db8:a:b::1]:443',
      '2001:db8:a:b::192.0.2.1',
      '2001:db8:a:b:1::%eth0',
    ]) {
      expect(rateLimitSubject(written), written).toBe(prefix);
    }
    expect(rateLimitSubject('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitSubject('2001:db8::')).toBe('2001:db8:0:0::/64');
  });
});

describe('the rate limit behind proxies (TRUST_PROXY)', () => {
  const from = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });

  it('behind one proxy, a client that sends its own X-Forwarded-For cannot escape the limit', async () => {
    const { post } = await testCollector({ rateLimitPerMinute: 1, trustProxy: 1 });
    // The proxy appends the address it received from: the client's own header stays on the left.
    expect((await post(submission(), from('198.51.100.1, 203.0.113.5'))).status).toBe(201);
    expect((await post(submission(), from('198.51.100.2, 203.0.113.5'))).status).toBe(429);
    expect((await post(submission(), from('10.9.8.7, 198.51.100.3, 203.0.113.5'))).status).toBe(
      429,
    );
    // Another client behind the same proxy has a limit of its own.
    expect((await post(submission(), from('198.51.100.1, 203.0.113.6'))).status).toBe(201);
  });

  it('behind two proxies, the client is the second entry from the right', async () => {
    const { post } = await testCollector({ rateLimitPerMinute: 1, trustProxy: 2 });
    expect((await post(submission(), from('198.51.100.1, 203.0.113.5, 10.0.0.1'))).status).toBe(
      201,
    );
    expect((await post(submission(), from('198.51.100.2, 203.0.113.5, 10.0.0.2'))).status).toBe(
      429,
    );
    // Fewer entries than proxies: the leftmost one.
    expect((await post(submission(), from('203.0.113.5'))).status).toBe(429);
    expect((await post(submission(), from('203.0.113.8'))).status).toBe(201);
  });

  it('without TRUST_PROXY the header changes nothing', async () => {
    const { post } = await testCollector({ rateLimitPerMinute: 1 });
    expect((await post(submission(), from('203.0.113.1'))).status).toBe(201);
    expect((await post(submission(), from('203.0.113.9'))).status).toBe(429);
  });

  it('two IPv6 addresses in one /64 share a limit; another /64 has its own', async () => {
    const { post } = await testCollector({ rateLimitPerMinute: 1, trustProxy: 1 });
    expect((await post(submission(), from('2001:db8:dead:beef::1'))).status).toBe(201);
    expect((await post(submission(), from('2001:db8:dead:beef:1234:5678:9abc:def0'))).status).toBe(
      429,
    );
    expect((await post(submission(), from('2001:0DB8:DEAD:BEEF::ffff'))).status).toBe(429);
    expect((await post(submission(), from('2001:db8:dead:bef0::1'))).status).toBe(201);
    // An IPv4 client written IPv4-mapped is the same client.
    expect((await post(submission(), from('203.0.113.20'))).status).toBe(201);
    expect((await post(submission(), from('::ffff:203.0.113.20'))).status).toBe(429);
  });
});
