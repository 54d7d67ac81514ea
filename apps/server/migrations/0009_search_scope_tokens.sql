-- Search entries now also carry their owner and org unit as tokens (search.service.ts searchDocumentOf). Entries whose
-- tokens were written without them lose their tokens here; the start-up backfill re-indexes them, and until then they
-- are found by LIKE like any entry without tokens.
UPDATE "search_documents" SET "tokens" = NULL
WHERE "tokens" IS NOT NULL AND NOT ("tokens" && ARRAY[chr(2) || 'o' || "owner_id"::text]);
