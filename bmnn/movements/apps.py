from django.apps import AppConfig


class MovementsConfig(AppConfig):
    """Copies, take-out, provision, recall, destruction and agency handover of secret items."""

    name = "bmnn.movements"
    label = "movements"
    verbose_name = "Sao chụp, mang ra, cung cấp, thu hồi, tiêu hủy BMNN"
