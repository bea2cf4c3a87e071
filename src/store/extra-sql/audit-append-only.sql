-- The audit trail is append-only: the database itself refuses to change or remove a recorded event.
-- Applied by openStore after the drizzle migrations, on PGlite and PostgreSQL alike; safe to run again.
CREATE OR REPLACE FUNCTION compendium_audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION compendium_audit_events_append_only();
