import { describe, expect, it } from 'vitest';
import { failureHelp, gatewayActions, gatewayTone } from './gateway-view';

describe('gatewayActions', () => {
  it('offers Start when stopped or failed, Stop and Restart when running', () => {
    expect(gatewayActions({ status: 'stopped' })).toEqual({ start: true, stop: false, restart: false });
    expect(gatewayActions({ status: 'failed' })).toEqual({ start: true, stop: false, restart: false });
    expect(gatewayActions({ status: 'ready' })).toEqual({ start: false, stop: true, restart: true });
    expect(gatewayActions({ status: 'starting' })).toEqual({ start: false, stop: true, restart: false });
  });
  it('offers nothing while stopping, when unknown or for someone else\'s gateway', () => {
    expect(gatewayActions({ status: 'stopping' })).toEqual({ start: false, stop: false, restart: false });
    expect(gatewayActions(null)).toEqual({ start: false, stop: false, restart: false });
    expect(gatewayActions({ status: 'external' })).toEqual({ start: false, stop: false, restart: false });
  });
});

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
