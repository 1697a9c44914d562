import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import '../../components/learner/learner.css';
import { localArea } from '../../components/state/area';
import { migrateAndRepair } from '../../components/state/migrate';
import { Welcome } from './Welcome';

// Bring stored data to the current schema (and repair it) before the store reads it.
void migrateAndRepair(localArea())
  .catch(() => undefined)
  .then(() => createRoot(document.getElementById('root')!).render(<Welcome />));
