from django.apps import AppConfig


class RecycleBinConfig(AppConfig):
    name = "recycle_bin"
    verbose_name = "Papirkurv"
    default_auto_field = "django.db.models.BigAutoField"
