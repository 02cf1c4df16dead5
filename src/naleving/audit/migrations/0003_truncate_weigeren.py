# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the database also refuses TRUNCATE of the audit log (a TRUNCATE fires no DELETE trigger), and
refuses to delete or empty the chain's head. UPDATE and DELETE of entries stay refused by 0002."""

from django.db import migrations

CREATE = """
CREATE TRIGGER audit_auditentry_geen_truncate
  BEFORE TRUNCATE ON audit_auditentry
  FOR EACH STATEMENT EXECUTE FUNCTION naleving_audit_append_only();
CREATE TRIGGER audit_audithead_geen_delete
  BEFORE DELETE ON audit_audithead
  FOR EACH ROW EXECUTE FUNCTION naleving_audit_append_only();
CREATE TRIGGER audit_audithead_geen_truncate
  BEFORE TRUNCATE ON audit_audithead
  FOR EACH STATEMENT EXECUTE FUNCTION naleving_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_auditentry_geen_truncate ON audit_auditentry;
DROP TRIGGER IF EXISTS audit_audithead_geen_delete ON audit_audithead;
DROP TRIGGER IF EXISTS audit_audithead_geen_truncate ON audit_audithead;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunPython(forwards, backwards)]
