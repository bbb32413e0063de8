/**
 * Limits of one subproject CSV upload, shared by the server (lib/domain/bulk-import-csv.ts) and
 * the upload form, which checks the size before sending. A reseller's whole customer base fits
 * in one file; a runaway upload does not.
 */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Row problems listed in a refusal; the total is always given. */
export const MAX_LISTED_ERRORS = 200;
