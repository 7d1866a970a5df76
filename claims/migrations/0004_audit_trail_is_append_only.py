from django.db import migrations

# The audit trail must be editable by nobody: not the admin, not a bug, not a shell session.
# TRUNCATE (used only by the test suite's flush) does not fire row triggers.
FORBID = """
CREATE FUNCTION claims_auditevent_forbid_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_auditevent_append_only
BEFORE UPDATE OR DELETE ON claims_auditevent
FOR EACH ROW EXECUTE FUNCTION claims_auditevent_forbid_change();
"""

ALLOW = """
DROP TRIGGER IF EXISTS claims_auditevent_append_only ON claims_auditevent;
DROP FUNCTION IF EXISTS claims_auditevent_forbid_change();
"""


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_workflow")]

    operations = [migrations.RunSQL(FORBID, ALLOW)]
