import { ConfigError, loadConfig, parseTrustProxy, trustProxyOf } from './app-config';

describe('TRUST_PROXY', () => {
  it('defaults to the loopback proxy only', () => {
    expect(trustProxyOf(loadConfig({}))).toEqual(['loopback']);
  });

  it('takes none, a hop count, or proxy addresses and ranges', () => {
    expect(parseTrustProxy('none')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 172.16.0.0/12,loopback')).toEqual(['10.0.0.5', '172.16.0.0/12', 'loopback']);
    expect(parseTrustProxy('fd00::/8')).toEqual(['fd00::/8']);
  });

  it('refuses "trust everyone" and malformed entries, naming the setting', () => {
    for (const bad of ['true', 'all', '*', '11', '10.0.0.300', '10.0.0.0/33', '10.0.0.1,,10.0.0.2', 'proxy.example.com']) {
      expect(parseTrustProxy(bad)).toBeNull();
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
