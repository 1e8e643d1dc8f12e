/**
 * The version of what parsing produces. Bump it whenever a change alters the cells, passages or findings of a
 * report: stored reports made by an older version are parsed again at the next start (or ingest).
 */
export const PARSER_VERSION = 9;
