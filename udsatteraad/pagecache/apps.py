from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "udsatteraad.pagecache"
    label = "udsatteraad_pagecache"
    verbose_name = "Sidecache"

    def ready(self):
        from . import connect_signals

        connect_signals()
