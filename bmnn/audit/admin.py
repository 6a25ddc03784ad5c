from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from bmnn.audit.models import LedgerEntry


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    """Read-only: the ledger is append-only, and only ``audit.record`` writes it."""

    list_display = ("seq", "created_at", "actor_repr", "event", "subject_repr")
    list_filter = ("event",)
    search_fields = ("actor_repr", "subject_repr", "event")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
