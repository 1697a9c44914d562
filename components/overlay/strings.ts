// The only messages the content script carries: named imports let the bundler leave the rest of the catalogs
// (popup, options, questionnaire) out of the script that runs on every tab.
import {
  overlayClose as en_overlayClose,
  overlayDockedMissing as en_overlayDockedMissing,
  overlayRegion as en_overlayRegion,
  overlayShow as en_overlayShow,
  hintLinkedinSearchTitle as en_hintLinkedinSearchTitle,
  hintLinkedinSearchBody as en_hintLinkedinSearchBody,
  hintXComposeTitle as en_hintXComposeTitle,
  hintXComposeBody as en_hintXComposeBody,
  hintFacebookSearchTitle as en_hintFacebookSearchTitle,
  hintFacebookSearchBody as en_hintFacebookSearchBody,
  hintYoutubeSearchTitle as en_hintYoutubeSearchTitle,
  hintYoutubeSearchBody as en_hintYoutubeSearchBody,
} from '../../public/_locales/en/messages.json';
import {
  overlayClose as fr_overlayClose,
  overlayDockedMissing as fr_overlayDockedMissing,
  overlayRegion as fr_overlayRegion,
  overlayShow as fr_overlayShow,
  hintLinkedinSearchTitle as fr_hintLinkedinSearchTitle,
  hintLinkedinSearchBody as fr_hintLinkedinSearchBody,
  hintXComposeTitle as fr_hintXComposeTitle,
  hintXComposeBody as fr_hintXComposeBody,
  hintFacebookSearchTitle as fr_hintFacebookSearchTitle,
  hintFacebookSearchBody as fr_hintFacebookSearchBody,
  hintYoutubeSearchTitle as fr_hintYoutubeSearchTitle,
  hintYoutubeSearchBody as fr_hintYoutubeSearchBody,
} from '../../public/_locales/fr/messages.json';
import { makeTranslator } from '../i18n-core';

export type OverlayMessageKey =
  | 'overlayClose'
  | 'overlayDockedMissing'
  | 'overlayRegion'
  | 'overlayShow'
  | 'hintLinkedinSearchTitle'
  | 'hintLinkedinSearchBody'
  | 'hintXComposeTitle'
  | 'hintXComposeBody'
  | 'hintFacebookSearchTitle'
  | 'hintFacebookSearchBody'
  | 'hintYoutubeSearchTitle'
  | 'hintYoutubeSearchBody';

export const ot = makeTranslator<OverlayMessageKey>({
  en: { overlayClose: en_overlayClose, overlayDockedMissing: en_overlayDockedMissing, overlayRegion: en_overlayRegion, overlayShow: en_overlayShow, hintLinkedinSearchTitle: en_hintLinkedinSearchTitle, hintLinkedinSearchBody: en_hintLinkedinSearchBody, hintXComposeTitle: en_hintXComposeTitle, hintXComposeBody: en_hintXComposeBody, hintFacebookSearchTitle: en_hintFacebookSearchTitle, hintFacebookSearchBody: en_hintFacebookSearchBody, hintYoutubeSearchTitle: en_hintYoutubeSearchTitle, hintYoutubeSearchBody: en_hintYoutubeSearchBody },
  fr: { overlayClose: fr_overlayClose, overlayDockedMissing: fr_overlayDockedMissing, overlayRegion: fr_overlayRegion, overlayShow: fr_overlayShow, hintLinkedinSearchTitle: fr_hintLinkedinSearchTitle, hintLinkedinSearchBody: fr_hintLinkedinSearchBody, hintXComposeTitle: fr_hintXComposeTitle, hintXComposeBody: fr_hintXComposeBody, hintFacebookSearchTitle: fr_hintFacebookSearchTitle, hintFacebookSearchBody: fr_hintFacebookSearchBody, hintYoutubeSearchTitle: fr_hintYoutubeSearchTitle, hintYoutubeSearchBody: fr_hintYoutubeSearchBody },
});
