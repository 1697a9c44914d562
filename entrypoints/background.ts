import { defineBackground } from 'wxt/utils/define-background';
import { settingsItem } from '../components/state/settings';

export default defineBackground(() => {
  // Touching the item runs its storage migrations at start-up, before any page asks for it.
  void settingsItem.getValue();
});
