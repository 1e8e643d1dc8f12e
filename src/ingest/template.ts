/** The national templates now live in src/domain (shared knowledge); this keeps ingest's imports short. */
export * from '../domain/template.js';
