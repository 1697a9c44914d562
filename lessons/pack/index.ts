// Runtime side of the pack format: safe for the background and the content script (no YAML, no JSON Schema
// generator). YAML authoring lives in ./yaml.ts, imported only by the CLI and the options page.
export * from './types';
export { validatePack, validatePackJson, formatError, pathToString, utf8Length, type PackError, type ValidateOptions, type ValidationResult } from './validate';
export { ERROR_CODES, message, type ErrorCode, type Bilingual } from './messages';
export { parseRichText, type RichSegment } from './richtext';
export { KNOWN_ANCHORS } from './anchor-names';
export { packStats, formatStats, doingStepStats, formatDoingStats, type StatsRow, type DoingStepStats } from './stats';
