// The id patterns of packs, lessons, steps and skills, and the length limits that go with them. Tiny and free of
// dependencies: the pack schema, the stored-state sanitizers, the background's message checks and the xAPI export
// all check ids with these, so an id that could never come from a valid pack (`__proto__`, `a/b`, 10 000 characters)
// is refused at every boundary, not only in the validator.

/** Lesson, step, skill and retrieval-answer ids: letters, digits, - and _, starting with a letter or digit. */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** Pack ids: reverse-DNS-like, lower case, e.g. acme.linkedin-prospecting. */
export const PACK_ID_RE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export const MAX_ID_LENGTH = 64;
export const MAX_PACK_ID_LENGTH = 100;

/** A lesson, step or skill id as a valid pack may hold it. */
export const isStableId = (raw: unknown): raw is string => typeof raw === 'string' && raw.length <= MAX_ID_LENGTH && ID_RE.test(raw);
/** A pack id as a valid pack may hold it. */
export const isPackId = (raw: unknown): raw is string => typeof raw === 'string' && raw.length <= MAX_PACK_ID_LENGTH && PACK_ID_RE.test(raw);
