from django.db import migrations

from bmnn.audit.triggers import install


class Migration(migrations.Migration):
    """An imported definition is never edited or deleted: what was printed on a date stays reproducible."""

    dependencies = [("forms", "0001_imported_definitions")]

    operations = [install("forms_importeddefinition")]
