import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';

describe('TRUST_PROXY', () => {
  it('trusts the loopback proxy by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual(['loopback']);
  });

  it('takes what Express takes: false, true, a hop count, or a list of addresses, CIDRs and names', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.1' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
    ]);
  });

  it('refuses anything else, naming the variable and the entry', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, proxy.internal' })).toThrow(
      /TRUST_PROXY: .*proxy\.internal/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: ' , ' })).toThrow(/TRUST_PROXY/);
  });
});
