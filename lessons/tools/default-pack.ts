// Assembly of the bundled default pack: pack.yaml (header) + one YAML list of lessons per network → validated
// runtime JSON, committed as lessons/default-pack/default-pack.json (a unit test fails when it is stale).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assemblePack, type YamlSource } from '../pack/yaml';
import type { ValidateOptions, ValidationResult } from '../pack/validate';

export const DEFAULT_PACK_DIR = 'lessons/default-pack';
// One file per network for the first lessons; then files by theme, each holding lessons of several networks
// (security.yaml: account security on the four; organisation.yaml: a company's policy, editorial line, Pages and
// channels as their admin, analytics, complaints, the map of the networks).
export const DEFAULT_LESSON_FILES = ['linkedin.yaml', 'x.yaml', 'facebook.yaml', 'youtube.yaml', 'security.yaml', 'organisation.yaml'] as const;
export const DEFAULT_PACK_JSON = 'default-pack.json';

export interface BuiltPack {
  result: ValidationResult;
  /** The runtime JSON text (only when valid). */
  json?: string;
  /** Lesson files not found (each is optional until written). */
  missing: string[];
}

/** The runtime form: validated data without editor-only fields, stable key order as authored. */
export function toRuntimeJson(data: unknown): string {
  const { $schema: _editorOnly, ...rest } = data as Record<string, unknown>;
  return `${JSON.stringify(rest, null, 1)}\n`;
}

export function readSource(path: string, root = process.cwd()): YamlSource {
  return { file: relative(root, path) || path, text: readFileSync(path, 'utf8') };
}

export function buildPackFromDir(dir: string, files: readonly string[] = DEFAULT_LESSON_FILES, options: ValidateOptions = {}): BuiltPack {
  const header = readSource(join(dir, 'pack.yaml'));
  const present = files.filter((f) => existsSync(join(dir, f)));
  const missing = files.filter((f) => !present.includes(f));
  const result = assemblePack(header, present.map((f) => readSource(join(dir, f))), options);
  return { result, missing, ...(result.ok && result.data !== undefined ? { json: toRuntimeJson(result.data) } : {}) };
}
