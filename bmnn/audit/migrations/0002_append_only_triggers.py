from django.db import migrations

from bmnn.audit.triggers import install


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [install("audit_ledgerentry")]
