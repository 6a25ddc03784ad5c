from django.apps import AppConfig


class RegistersConfig(AppConfig):
    """Register books (sổ đi, sổ đến, sổ chuyển giao, sổ sao chụp) and the movements of secret items."""

    name = "bmnn.registers"
    label = "registers"
    verbose_name = "Sổ đăng ký BMNN"
