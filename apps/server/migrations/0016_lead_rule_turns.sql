CREATE INDEX "leads_assignment_rule_idx" ON "leads" USING btree ("assignment_rule_id","id");--> statement-breakpoint
ALTER TABLE "lead_assignment_rules" DROP COLUMN "last_user_id";