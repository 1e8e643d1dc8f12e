export * from '../domain/identity.js';
