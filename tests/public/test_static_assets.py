"""The vendored design system is complete: every file its CSS refers to is in the repository."""

import posixpath
import re

import pytest
from django.contrib.staticfiles import finders

URL_PATTERN = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")

STYLESHEETS = ["dkfds/css/dkfds.min.css", "css/site.css", "css/print.css"]


def referenced_files(stylesheet):
    path = finders.find(stylesheet)
    assert path, f"{stylesheet} is missing from the static files"
    with open(path, encoding="utf-8") as css:
        text = css.read()
    for url in URL_PATTERN.findall(text):
        if url.startswith(("data:", "#", "http:", "https:", "//")):
            continue
        relative = url.split("#")[0].split("?")[0]
        yield url, posixpath.normpath(posixpath.join(posixpath.dirname(stylesheet), relative))


@pytest.mark.parametrize("stylesheet", STYLESHEETS)
def test_every_url_in_the_css_resolves_to_a_static_file(stylesheet):
    missing = [url for url, name in referenced_files(stylesheet) if not finders.find(name)]
    assert missing == []


def test_design_system_refers_to_its_fonts_and_icons():
    names = {name for _, name in referenced_files("dkfds/css/dkfds.min.css")}
    assert "dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2" in names
    assert any(name.startswith("dkfds/img/svg-icons/") for name in names)


@pytest.mark.parametrize("stylesheet", ["dkfds/css/dkfds.min.css", "dkfds/js/dkfds.min.js"])
def test_vendored_files_point_at_no_missing_source_map(stylesheet):
    # Django's manifest storage would fail collectstatic on a sourceMappingURL without its file.
    with open(finders.find(stylesheet), encoding="utf-8") as vendored:
        assert "sourceMappingURL" not in vendored.read()


def test_version_and_licence_are_recorded():
    version = finders.find("dkfds/VERSION")
    assert version
    with open(version, encoding="utf-8") as note:
        text = note.read()
    assert '"dkfds" 11.2.0' in text and "MIT" in text
    assert finders.find("dkfds/LICENSE.md")
    assert finders.find("dkfds/fonts/IBMPlexSans/LICENSE-OFL.txt")
