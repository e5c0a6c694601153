"""Demo content for `manage.py load_demo`.

Each step module has ``load(ctx)`` and must be idempotent (run twice = same site). ``councils``
runs first: it creates the home page content, the five councils, their members and the demo
users, and fills ``ctx.home``, ``ctx.councils`` and ``ctx.users`` for the steps after it.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DemoContext:
    password: str
    stdout: Any = None
    style: Any = None
    home: Any = None
    councils: dict = field(default_factory=dict)  # slug -> CouncilPage
    users: dict = field(default_factory=dict)  # username -> User
    logins: list = field(default_factory=list)  # (username, Danish description)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)
