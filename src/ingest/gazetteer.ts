export * from '../domain/gazetteer.js';
