ALTER TABLE "products" ADD COLUMN "discontinued" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A new product must be sellable without anyone ticking a box: the kit's form sends an untouched switch as false, so
-- the flag is "discontinued" (off by default) instead of "active".
UPDATE "products" SET "discontinued" = NOT "active";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "active";
