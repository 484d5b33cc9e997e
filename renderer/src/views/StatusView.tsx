/**
 * The status panel: the alert banner, the import into OpenClaw when one is needed, the gateway card, the models in
 * use, every credential of the agent and the alerts list.
 */
import type { Alert } from '../../../shared/contract';
import { useAppData } from '../hooks/use-app-data';
import { MigrationCard } from '../migration/MigrationCard';
import type { FormRequest } from '../lib/form-request';
import { routeFor, type Route } from '../lib/navigate';
import { AlertBanner } from '../status/AlertBanner';
import { AlertsList } from '../status/AlertsList';
import { CredentialList } from '../status/CredentialList';
import { ModelsPanel } from '../status/ModelsPanel';
import { GatewayCard } from '../status/GatewayCard';

/** The status screen; `navigate` moves to another place (a form, the chooser). */
export function StatusView({ navigate }: { navigate: (route: Route) => void }) {
  const { auth, agentId } = useAppData();
  const openForm = (form: FormRequest) => navigate({ view: 'credentials', form });
  const renewAlert = (a: Alert) => navigate(routeFor({ view: 'renew', profileId: a.profileId, agentId: a.agentId }, auth.value, agentId) ?? { view: 'credentials' });
  return (
    <div className="stack">
      <AlertBanner onRenew={renewAlert} />
      <MigrationCard />
      <div className="grid-2">
        <GatewayCard onOpen={(place, focus) => navigate({ view: place, ...(focus ? { focus } : {}) })} />
        <ModelsPanel onFix={openForm} />
      </div>
      <CredentialList onRenew={openForm} onAdd={() => navigate({ view: 'credentials' })} />
      <AlertsList onRenew={renewAlert} />
    </div>
  );
}
