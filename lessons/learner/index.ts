export * from './questionnaire';
export * from './scoring';
