/**
 * The web shell's `GET /api/shell/tray`: the same tray model the Electron shell renders, built by the same pure
 * `buildTrayModel` from the same inputs (`trackTrayInput`), so end-to-end tests can assert what the tray would
 * show (icon state, tooltip, menu lines) on a machine without a desktop.
 */
import { trackTrayInput, type TrayInputSource } from '../tray/tray-input';
import { buildTrayModel, type TrayModel } from '../tray/tray-model';

/** The route plus the tracker's lifecycle: `seed()` after core has started, `dispose()` when stopping. */
export interface TrayRoute {
  route(): TrayModel;
  seed(): Promise<void>;
  dispose(): void;
}

/** Follows core's state for the tray and answers with the model built from the latest input. */
export function createTrayRoute(core: TrayInputSource, env: Record<string, string | undefined>): TrayRoute {
  const tracker = trackTrayInput(core, { env });
  return { route: () => buildTrayModel(tracker.current()), seed: tracker.seed, dispose: tracker.dispose };
}
