import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import '../../components/learner/learner.css';
import './report.css';
import { Report } from './Report';

createRoot(document.getElementById('root')!).render(<Report />);
