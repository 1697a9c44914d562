import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import '../../components/learner/learner.css';
import { localArea } from '../../components/state/area';
import { migrateAndRepair } from '../../components/state/migrate';
import { Options } from './Options';

void migrateAndRepair(localArea())
  .catch(() => undefined)
  .then(() => createRoot(document.getElementById('root')!).render(<Options />));
