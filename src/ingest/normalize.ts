/** Text normalisation lives in src/domain (questions and reports share it). */
export * from '../domain/normalize.js';
