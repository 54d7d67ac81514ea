-- A won deal counts in sales plan vs actual only while no order carries it.
CREATE INDEX "orders_opportunity_idx" ON "orders" USING btree ("opportunity_id");--> statement-breakpoint
-- Revenue of a period per unit and owner reads the orders index-only (planning.actuals.ts orderRevenue).
DROP INDEX "orders_unit_date_idx";--> statement-breakpoint
CREATE INDEX "orders_unit_date_idx" ON "orders" USING btree ("org_unit_id","order_date") INCLUDE ("status","owner_id","gross_total") WHERE "orders"."deleted_at" IS NULL;
