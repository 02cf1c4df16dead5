# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL: an entry may be deleted only when a cut (AuditInkorting) covers it, so only the oldest
entries after their retention term, and only after a cut was recorded; UPDATE stays refused. The cuts are
append-only themselves."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION naleving_audit_alleen_ingekort() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.volgnummer <= (
    SELECT COALESCE(MAX(tot_en_met), 0) FROM audit_auditinkorting
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Het toegangslog is alleen-toevoegen: % is niet toegestaan', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry;
CREATE TRIGGER audit_auditentry_append_only
  BEFORE UPDATE OR DELETE ON audit_auditentry
  FOR EACH ROW EXECUTE FUNCTION naleving_audit_alleen_ingekort();
CREATE TRIGGER audit_auditinkorting_append_only
  BEFORE UPDATE OR DELETE ON audit_auditinkorting
  FOR EACH ROW EXECUTE FUNCTION naleving_audit_append_only();
CREATE TRIGGER audit_auditinkorting_geen_truncate
  BEFORE TRUNCATE ON audit_auditinkorting
  FOR EACH STATEMENT EXECUTE FUNCTION naleving_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_auditinkorting_append_only ON audit_auditinkorting;
DROP TRIGGER IF EXISTS audit_auditinkorting_geen_truncate ON audit_auditinkorting;
DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry;
CREATE TRIGGER audit_auditentry_append_only
  BEFORE UPDATE OR DELETE ON audit_auditentry
  FOR EACH ROW EXECUTE FUNCTION naleving_audit_append_only();
DROP FUNCTION IF EXISTS naleving_audit_alleen_ingekort();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_auditinkorting")]
    operations = [migrations.RunPython(forwards, backwards)]
