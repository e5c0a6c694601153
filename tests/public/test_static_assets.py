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


def test_design_system_refers_to_its_icons_and_the_site_to_its_fonts():
    names = {name for _, name in referenced_files("dkfds/css/dkfds.min.css")}
    assert any(name.startswith("dkfds/img/svg-icons/") for name in names)
    fonts = {name for _, name in referenced_files("css/site.css")}
    assert "dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2" in fonts


FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def font_faces(stylesheet):
    with open(finders.find(stylesheet), encoding="utf-8") as css:
        text = COMMENT.sub("", css.read())
    rules = FONT_FACE.findall(text)
    assert text.count("@font-face") == len(rules), f"{stylesheet}: a broken @font-face rule"
    for rule in rules:
        if "IBM Plex Sans" in rule:
            style = re.search(r"font-style:\s*(\w+)", rule).group(1)
            weight = re.search(r"font-weight:\s*(\d+)", rule).group(1)
            yield (style, weight), "unicode-range" in rule


def test_each_complete_font_is_declared_before_its_subset_in_one_stylesheet():
    # The face declared last wins for the characters in its range. With the complete fonts in
    # dkfds.min.css and the subsets in site.css, a browser that had dkfds.min.css first
    # fetched the complete fonts too.
    assert list(font_faces("dkfds/css/dkfds.min.css")) == []
    faces = list(font_faces("css/site.css"))
    complete = [face for face, subset in faces if not subset]
    subsets = [face for face, subset in faces if subset]
    assert len(complete) == 8 and set(subsets) <= set(complete)
    for face in subsets:
        assert faces.index((face, False)) < faces.index((face, True)), face


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
