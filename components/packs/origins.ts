// The origins the extension may be granted beyond the four networks, one at a time, when the learner or the
// administrator asks (a pack URL, an LRS): https anywhere, and http on this machine only (a local LRS for tests and
// kiosks). One list for the manifest (wxt.config.ts) and for what the policy accepts as an LRS (./policy.ts), so an
// endpoint the policy accepts can always be granted.
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

export const OPTIONAL_ORIGINS: string[] = ['https://*/*', ...LOOPBACK_HOSTS.map((host) => `http://${host}/*`)];
