/**
 * The models panel's channels (`models:status`, `models:catalog` for the picker) and event (`models:changed`). The view is computed beside every
 * credential status the auth service computes (after the app's own writes, the backend's watch and the watcher on
 * the state dir and config), so it is live without polling; `models:changed` goes out only when a view differs
 * from the last one sent for that agent.
 */
import type { AuthStatus, InvokeChannel, ModelsView } from '../../../shared/contract';
import type { CoreContext, CoreModule } from '../context';
import type { AuthService, StatusInputs } from '../credentials/service';
import { computeModelsView, headlineRulesFor } from './models-view';
import { createCatalog } from './catalog';

/** The channels this module answers. */
export type ModelsChannel = Extract<InvokeChannel, 'models:status' | 'models:catalog'>;

/** What the module needs of the credentials service. */
export type ModelsStatusSource = Pick<AuthService, 'onStatus' | 'getStatusWithInputs'>;

/** Builds the models module over the credentials service. */
export function createModelsModule(ctx: CoreContext, auth: ModelsStatusSource): CoreModule<ModelsChannel> {
  const lastSent = new Map<string, string>();

  function view(status: AuthStatus, inputs: StatusInputs): ModelsView {
    return computeModelsView({
      status,
      config: inputs.config,
      envFile: inputs.envFile,
      processEnv: ctx.env,
      rules: headlineRulesFor(status.openclaw?.version),
      now: ctx.clock.now(),
    });
  }

  function publish(v: ModelsView): void {
    const { computedAt: _ignored, ...comparable } = v;
    const key = JSON.stringify(comparable);
    if (lastSent.get(v.agentId) === key) return;
    lastSent.set(v.agentId, key);
    ctx.events.emit('models:changed', v);
  }

  const unsubscribe = auth.onStatus((status, inputs) => publish(view(status, inputs)));
  const catalog = createCatalog({ run: (args) => ctx.cli.run(args, { timeoutMs: 180_000 }), now: () => ctx.clock.now() });

  return {
    handlers: {
      'models:status': async ({ agentId }) => {
        const { status, inputs } = await auth.getStatusWithInputs(agentId);
        return view(status, inputs);
      },
      'models:catalog': async (input) => {
        const { status } = await auth.getStatusWithInputs();
        return catalog.get(status.models, input);
      },
    },
    async dispose() {
      unsubscribe();
      lastSent.clear();
    },
  };
}
