// Trainer mode is a storage.local flag set from the options page; the content runtime reads it (tiny: no UI here).
export const TRAINER_MODE_KEY = 'trainerMode';
