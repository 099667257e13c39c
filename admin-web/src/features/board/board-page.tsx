// The live board of the chosen site: banks and compartments, alerts, door events and
// gateways, all kept current from subscriptions.
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useSite } from '../../app/site-context';
import { AlertsPanel } from '../alerts/alerts-panel';
import { BoardView } from './board-view';
import { CompartmentPanel } from './compartment-panel';
import { remoteOpenBlocker } from './remote-open';
import { DoorEventList } from './door-event-list';
import { GatewayList } from './gateway-list';
import { KioskList } from './kiosk-list';
import { useDoorEvents } from './use-door-events';
import { useLiveBoard } from './use-live-board';

/** The board for the site picked in the header. */
export function BoardPage() {
  const { site } = useSite();
  if (!site) return <p className="page-status">No site yet. An admin can create one under Set-up.</p>;
  // Keyed by site: switching sites starts from an empty board.
  return <LiveBoard key={site.id} siteId={site.id} />;
}

function LiveBoard({ siteId }: { siteId: string }) {
  const { board, site, error } = useLiveBoard(siteId);
  const events = useDoorEvents(siteId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId ? board.byId.get(selectedId) : undefined;
  const timeZone = site?.timezone ?? 'UTC';

  return (
    <main className="page board-page">
      <div className="board-main">
        <header className="row spread">
          <h1>{site ? site.name : 'Loading…'}</h1>
          <span className="muted">Times in {timeZone}</span>
        </header>
        {error && (
          <p role="alert" className="error">
            Could not load the board: {errorMessage(error)}
          </p>
        )}
        {site && <GatewayList gateways={site.gateways} timeZone={timeZone} />}
        {site && <KioskList siteId={siteId} timeZone={timeZone} />}
        {site && (
          <BoardView banks={site.banks} board={board} selectedId={selectedId} onSelect={setSelectedId} />
        )}
        <Legend />
      </div>
      <aside className="board-side">
        {selected && (
          <CompartmentPanel
            compartment={selected}
            remoteOpenBlocker={site ? remoteOpenBlocker(site, selected.bank.id) : null}
            onClose={() => setSelectedId(null)}
          />
        )}
        <AlertsPanel siteId={siteId} timeZone={timeZone} />
        <DoorEventList events={events} timeZone={timeZone} />
      </aside>
    </main>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li className="status-available">Available</li>
      <li className="status-reserved">Reserved</li>
      <li className="status-occupied">Occupied</li>
      <li className="status-out_of_service">Out of service</li>
      <li className="status-needs_inspection">Needs inspection</li>
      <li className="door-open">Door open (thick outline)</li>
    </ul>
  );
}
