import { describe, expect, it } from 'vitest';
import { failureHelp, gatewayTone } from './gateway-view';

describe('failureHelp', () => {
  it('explains failures by reason and says nothing when healthy', () => {
    expect(failureHelp({ status: 'failed', reason: 'port-in-use' })).toEqual({ what: 'gateway.reason.port-in-use', next: 'gateway.next.port-in-use' });
    expect(failureHelp({ status: 'crashed' })).toEqual({ what: 'gateway.reason.unknown', next: 'gateway.next.unknown' });
    expect(failureHelp({ status: 'ready' })).toBeNull();
    expect(failureHelp({ status: 'not-installed' })?.next).toBe('gateway.next.not-installed');
  });
});

describe('gatewayTone', () => {
  it('maps states to tones', () => {
    expect(gatewayTone('ready')).toBe('ok');
    expect(gatewayTone('failed')).toBe('error');
    expect(gatewayTone(undefined)).toBe('idle');
  });
});
