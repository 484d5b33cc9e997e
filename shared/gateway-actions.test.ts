import { describe, expect, it } from 'vitest';
import { gatewayActions } from './gateway-actions';

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
  it('lets a troubled background service be stopped or retried through OpenClaw, and sends a missing one to Settings', () => {
    expect(gatewayActions({ status: 'failed', reason: 'service-crash-loop' })).toEqual({ start: false, stop: true, restart: true });
    expect(gatewayActions({ status: 'failed', reason: 'service-command' })).toEqual({ start: true, stop: true, restart: false });
    expect(gatewayActions({ status: 'failed', reason: 'service-missing' })).toEqual({ start: false, stop: false, restart: false });
  });
});
