/**
 * Which OpenClaw the app manages and how it saves credentials there, in words for the footer: `2026.9.6 ·
 * credentials through OpenClaw`, or "not found" (then nothing can be saved until it is installed).
 */
import type { OpenClawInfo } from '../../../shared/contract';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The footer's OpenClaw line; '…' while the install is still being looked for. */
export function openclawText(t: T, info: OpenClawInfo | undefined): string {
  if (!info) return '…';
  if (!info.version || !info.backend) return t('about.openclawMissing');
  return t('about.openclawVersion', { version: info.version, backend: t(`about.backend.${info.backend}`) });
}
