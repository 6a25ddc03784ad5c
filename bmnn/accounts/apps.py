from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bmnn.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from bmnn.accounts import signals  # noqa: F401  (auth events → ledger)
