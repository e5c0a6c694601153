"""Who may see what: the one rule of visibility for every public channel.

See ``visibility.rules``; ``visibility.wagtail_hooks`` applies it when a page is served.
"""
