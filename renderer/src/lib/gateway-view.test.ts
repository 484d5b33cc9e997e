import { describe, expect, it } from 'vitest';
import { failureHelp, gatewayTone } from './gateway-view';

describe('failureHelp', () => {
  it('explains failures by reason and says nothing when healthy', () => {
    expect(failureHelp({ status: 'failed', reason: 'port-in-use' })).toEqual({ what: 'gateway.reason.port-in-use', next: 'gateway.next.port-in-use', place: 'settings', focus: 'port' });
    expect(failureHelp({ status: 'failed', reason: 'spawn-error' })).toMatchObject({ place: 'settings', focus: 'openclawPath' });
    expect(failureHelp({ status: 'crashed' })).toEqual({ what: 'gateway.reason.unknown', next: 'gateway.next.unknown', place: 'gateway' });
    expect(failureHelp({ status: 'failed', reason: 'config' })).toEqual({ what: 'gateway.reason.config', next: 'gateway.next.config' });
    expect(failureHelp({ status: 'ready' })).toBeNull();
    expect(failureHelp({ status: 'not-installed' })).toMatchObject({ next: 'gateway.next.not-installed', place: 'gateway' });
  });
});

describe('gatewayTone', () => {
  it('maps states to tones', () => {
    expect(gatewayTone('ready')).toBe('ok');
    expect(gatewayTone('failed')).toBe('error');
    expect(gatewayTone(undefined)).toBe('idle');
  });
});
