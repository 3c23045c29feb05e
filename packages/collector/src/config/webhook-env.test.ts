import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';

describe('the webhooks configuration', () => {
  it('is https to public addresses on the full schedule unless told otherwise', () => {
    expect(readEnv({})).toMatchObject({ ALLOW_INSECURE_WEBHOOKS: false, WEBHOOK_RETRY_SCALE: 1 });
    expect(readEnv({ ALLOW_INSECURE_WEBHOOKS: '1', WEBHOOK_RETRY_SCALE: '0.001' })).toMatchObject({
      ALLOW_INSECURE_WEBHOOKS: true,
      WEBHOOK_RETRY_SCALE: 0.001,
    });
  });

  it.each([
    ['ALLOW_INSECURE_WEBHOOKS', 'yes', 'Use 0 or 1.'],
    ['WEBHOOK_RETRY_SCALE', '0', 'greater than 0'],
    ['WEBHOOK_RETRY_SCALE', '2', 'at most 1'],
    ['WEBHOOK_RETRY_SCALE', 'fast', 'Use a number'],
  ])('refuses %s=%s, naming it', (name, value, rule) => {
    expect(() => readEnv({ [name]: value })).toThrow(`Invalid configuration: ${name}:`);
    expect(() => readEnv({ [name]: value })).toThrow(rule);
  });
});
