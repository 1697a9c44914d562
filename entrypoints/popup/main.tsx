import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import '../../components/learner/learner.css';
import { Popup } from './Popup';

createRoot(document.getElementById('root')!).render(<Popup />);
