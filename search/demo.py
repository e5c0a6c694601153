"""Demo step for `manage.py load_demo`: build the search index over the demo site.

Runs last, so that everything the other steps created (some of it saved directly rather than
published through Wagtail's signals) is searchable. Rebuilding is idempotent.
"""

from search import indexing


def load(ctx) -> None:
    count = indexing.rebuild()
    ctx.log(f"Søgeindekset er bygget: {count} sider og dokumenter kan findes på /soeg/.")
