// The domain's public API. Everything here is pure TypeScript with no browser API and no YAML parser, so the
// background, popup, options page and content script may all import it. YAML authoring: './pack/yaml'.
// The default pack (a large JSON) is imported separately from './default-pack' so it is not pulled in by accident.
export * from './pack';
export * from './engine';
export * from './learner';
