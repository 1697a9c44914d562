// What leaves the browser when a trainer's policy names an LRS, in the terms of Firefox's built-in data consent
// (browser_specific_settings.gecko.data_collection_permissions). A statement says that this pseudonymous learner
// completed a lesson step on a network (a control used, a post sent, a page reached) and when: website activity
// and browsing activity. Nothing leaves otherwise, so the manifest requires "none" and lists these as optional:
// Firefox asks the learner when the administrator's LRS is set up (options page, Diagnostics), and the outbox keeps
// the statements, unsent, until the learner agrees (components/xapi/background.ts). Pure data: the manifest imports it.
export const XAPI_DATA_COLLECTION = ['websiteActivity', 'browsingActivity'] as const;
