-- Two-character search tokens (GIN) and pinyin sort keys of customer and contact names, compared byte by byte
-- (COLLATE "C") so both engines sort alike. Existing rows get both from the start-up backfill (search.backfill.ts).
ALTER TABLE "search_documents" ADD COLUMN "tokens" text[];--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "name_sort" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_sort" text COLLATE "C";--> statement-breakpoint
CREATE INDEX "search_documents_tokens_idx" ON "search_documents" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "search_documents_untokenized_idx" ON "search_documents" USING btree ("record_type") WHERE "search_documents"."tokens" IS NULL;--> statement-breakpoint
CREATE INDEX "contacts_live_name_sort_idx" ON "contacts" USING btree ("name_sort","id") WHERE "contacts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "customers_live_name_sort_idx" ON "customers" USING btree ("name_sort","id") WHERE "customers"."deleted_at" IS NULL;