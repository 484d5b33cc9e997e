/**
 * Where the window is (status, credentials with an optional form, gateway, settings) and how an `app:navigate`
 * request from the shell (a notification or tray click) becomes such a place, e.g. `{view: 'renew', profileId}`
 * opens the renew form of that profile with its provider and name filled in.
 */
import type { AuthStatus, NavigateRequest } from '../../../shared/contract';
import { CLOUDFLARE_PROVIDER, formRequestFor, type FormRequest } from './form-request';

/** The window's screens. */
export const VIEWS = ['status', 'credentials', 'gateway', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** A place in the window. `form` opens a credential form on the credentials screen. */
export interface Route {
  view: View;
  form?: FormRequest;
  wizard?: boolean;
  /** A field of the screen to focus instead of its heading (e.g. Settings' `port`). */
  focus?: string;
}

const ALIASES: Record<string, View> = { logs: 'gateway', alerts: 'status', preferences: 'settings' };

/** The route for a navigate request, or null when the request names nothing the window knows. */
export function routeFor(request: NavigateRequest, auth: Pick<AuthStatus, 'profiles' | 'agentId'> | null, agentId: string): Route | null {
  const view = request.view;
  if ((VIEWS as readonly string[]).includes(view)) return { view: view as View };
  if (ALIASES[view]) return { view: ALIASES[view]! };
  if (view === 'onboarding' || view === 'wizard') return { view: 'status', wizard: true };
  if (view === 'renew' || view === 'replace') {
    const profileId = request.profileId;
    const targetAgent = request.agentId ?? agentId;
    if (!profileId) return { view: 'credentials' };
    const known = auth && auth.agentId === targetAgent ? auth.profiles.find((p) => p.id === profileId) : undefined;
    if (known) return { view: 'credentials', form: formRequestFor(known, targetAgent) };
    const m = /^([a-z0-9][a-z0-9-]*):([a-z0-9][a-z0-9._-]*)$/.exec(profileId);
    if (!m) return { view: 'credentials' };
    const [, provider, name] = m as unknown as [string, string, string];
    const type = provider === CLOUDFLARE_PROVIDER ? 'api_key' : 'token';
    return { view: 'credentials', form: formRequestFor({ id: profileId, provider, name, type }, targetAgent) };
  }
  return null;
}
