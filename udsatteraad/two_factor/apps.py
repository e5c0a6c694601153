from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "udsatteraad.two_factor"
    label = "udsatteraad_two_factor"
    verbose_name = "Totrinslogin"
