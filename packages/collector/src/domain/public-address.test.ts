import { describe, expect, it } from 'vitest';
import { isPublicAddress, webhookUrlProblem } from './public-address.ts';

describe('public addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['2002:a00:1::1', '6to4 of 10.0.0.1'],
    ['2001:db8::1', 'documentation'],
    ['not-an-address', 'not an address'],
  ])('%s is not public (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '1.1.1.1',
    '193.191.245.1',
    '8.8.8.8',
    '2a02:2c40::1',
    '2001:4860:4860::8888',
    '::ffff:1.1.1.1',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('a webhook URL must be https and, written as an address, a public one', () => {
    expect(webhookUrlProblem('https://tickets.gemeente-a.be/x')).toBeUndefined();
    expect(webhookUrlProblem('https://1.1.1.1/x')).toBeUndefined();
    expect(webhookUrlProblem('https://[2a02:2c40::1]/x')).toBeUndefined();
    expect(webhookUrlProblem('http://tickets.gemeente-a.be/x')).toMatch(/https/);
    expect(webhookUrlProblem('https://[::ffff:7f00:1]/x')).toMatch(/public address/);
    expect(webhookUrlProblem('https://LOCALHOST./x')).toBeDefined();
  });
});
