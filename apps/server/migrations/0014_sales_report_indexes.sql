-- The board's column totals and the forecast / plan-vs-actual figures become index-only scans (INCLUDE carries the
-- columns they sum and group by), and each board column's first cards an ordered scan that stops after a page.
DROP INDEX "opportunities_board_idx";--> statement-breakpoint
CREATE INDEX "opportunities_board_totals_idx" ON "opportunities" USING btree ("pipeline_id","org_unit_id","stage_id") INCLUDE ("owner_id","amount","probability","id") WHERE "opportunities"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "opportunities_board_amount_idx" ON "opportunities" USING btree ("pipeline_id","stage_id","amount" DESC NULLS LAST,"id") WHERE "opportunities"."deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX "opportunities_unit_closed_idx";--> statement-breakpoint
CREATE INDEX "opportunities_unit_closed_idx" ON "opportunities" USING btree ("org_unit_id","closed_at") INCLUDE ("stage_id","owner_id","amount") WHERE "opportunities"."deleted_at" IS NULL AND "opportunities"."closed_at" IS NOT NULL;--> statement-breakpoint
DROP INDEX "opportunities_unit_close_date_idx";--> statement-breakpoint
CREATE INDEX "opportunities_unit_close_date_idx" ON "opportunities" USING btree ("org_unit_id","expected_close_date") INCLUDE ("stage_id","forecast_category","owner_id","amount","probability") WHERE "opportunities"."deleted_at" IS NULL;
