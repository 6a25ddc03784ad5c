"""Register rows are legal records: never deleted, their number and registered content never change."""

from django.db import migrations

from bmnn.audit.triggers import install_frozen

# Spelled out (not imported from the models) so this migration never changes after it lands.
OUTGOING = ["agency_id", "book_id", "year", "seq", "registered_at", "registered_by_id",
            "level", "item_id", "number", "summary", "doc_date"]
INCOMING = ["agency_id", "book_id", "year", "seq", "registered_at", "registered_by_id",
            "level", "item_id", "number", "summary", "arrival_date"]
HANDOVER = ["agency_id", "book_id", "year", "seq", "registered_at", "registered_by_id",
            "level", "item_id", "from_user_id", "to_user_id", "handed_on"]


class Migration(migrations.Migration):
    dependencies = [("registers", "0002_concrete_registers"), ("audit", "0002_append_only_triggers")]

    operations = [
        install_frozen("registers_outgoingentry", OUTGOING),
        install_frozen("registers_incomingentry", INCOMING),
        install_frozen("registers_handoverentry", HANDOVER),
    ]
