/** The parsed report's types live in src/domain (ingest, store and query share them). */
export * from '../domain/report.js';
