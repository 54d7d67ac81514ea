ALTER TABLE "customers" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "customers_live_name_key_idx" ON "customers" USING btree ("name_key") WHERE "customers"."deleted_at" IS NULL;