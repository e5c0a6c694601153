"""Easy to read, in a real Chromium: the LIX meter in the editor, "Læs op", the phone view.

* The editor's LIX meter (council_pages/static/council_pages/js/lix.js) shows the score in
  words under "Kort fortalt" while the secretary types, and computes what
  ``council_pages.readability.lix`` computes.
* "Læs op" is there and works by keyboard where the browser has speechSynthesis (headless
  Chromium has it), and is absent where it does not.
* On a 390 px phone, the council's answer to a hearing starts within the first screen.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from council_pages.readability import lix
from tests.browser.admin import log_in, new_tab
from tests.factories import CouncilPageFactory
from tests.factories_publications import HearingResponsePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "lix-i-test"

TEXTS = [
    "Rådet siger ja. Men rådet vil have flere pladser om vinteren.",
    "Socialudvalget behandler budgetforslaget vedrørende misbrugsbehandling, herunder "
    "dagbehandlingstilbuddene: ventetidsopgørelserne følges kvartalsvis!",
    "Første linje uden punktum\nAnden linje, også uden",
    "Tal som 2010 og 12,5 tæller ikke. Men æbleskiver, øl og ål gør? Ja.",
    "Kl. 14.00 mødes vi... Hvem kommer?",
]


def _hearing():
    council = CouncilPageFactory(slug="odense", title="Udsatterådet i Odense")
    return HearingResponsePageFactory(
        parent__parent=council,
        title="Høringssvar om natvarmestuen",
        consultation_title="Budget for natvarmestuen",
        consulting_body="Socialudvalget",
        case_number="10/4711",
        summary="Rådet vil have flere pladser i natvarmestuen. Især om vinteren.",
        response="<p>Rådet anbefaler, at natvarmestuen får flere pladser i vintermånederne.</p>",
    )


def test_the_lix_meter_follows_the_typing_and_agrees_with_python(browser, live_server):
    page_obj = _hearing()
    get_user_model().objects.create_superuser("admin", "admin@example.dk", PASSWORD)
    context, page = new_tab(browser, live_server)
    log_in(page, "admin", PASSWORD)
    page.goto(f"/admin/pages/{page_obj.pk}/edit/")
    meter = page.locator("[data-lix-field=summary]")
    expect(meter).to_contain_text("LIX")
    expect(meter).to_contain_text("let")

    page.fill("#id_summary", TEXTS[1])
    expect(meter).to_contain_text(f"LIX {lix(TEXTS[1]).score}: svær")
    expect(meter).to_contain_text("Målet er LIX 35 eller lavere")
    expect(meter).to_have_class("lix-meter lix-meter--warning")

    main = page.locator("[data-lix-field=response]")
    expect(main).to_contain_text("LIX")

    for text in TEXTS:
        in_browser = page.evaluate("(text) => window.udsatteraadLix.lix(text)", text)
        in_python = lix(text)
        assert in_browser == {
            "score": in_python.score,
            "words": in_python.words,
            "sentences": in_python.sentences,
            "long_words": in_python.long_words,
        }, text
        level = page.evaluate("(score) => window.udsatteraadLix.level(score)", in_python.score)
        assert level == in_python.level
    context.close()


# Headless Chromium has speechSynthesis but no voice to speak with: every utterance fails with
# "synthesis-failed". To walk through pause and stop, this stands in for the browser's engine
# (the browser's API, not the site's code): it records what it is asked to say and keeps
# "speaking" until cancelled.
SPEECH_ENGINE = """
    window.__spoken = [];
    let current = null;
    window.__finishUtterance = () => current && current.onend && current.onend();
    class Utterance { constructor(text) { this.text = text; } }
    const engine = {
        speaking: false, paused: false,
        getVoices() { return [{lang: "en-US", name: "English"}, {lang: "da-DK", name: "Dansk"}]; },
        speak(u) {
            current = u;
            window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
            this.speaking = true;
        },
        pause() { this.paused = true; },
        resume() { this.paused = false; },
        cancel() { this.speaking = false; this.paused = false; },
        addEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", {value: engine, configurable: true});
    window.SpeechSynthesisUtterance = Utterance;
"""


def test_read_aloud_in_headless_chromium_says_when_it_cannot_speak(page, live_server):
    hearing = _hearing()
    page.goto(hearing.url)
    assert page.evaluate("() => 'speechSynthesis' in window")
    play = page.get_by_role("button", name="Læs op")
    expect(play).to_be_visible()
    play.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-read-aloud-status]")).to_have_text(
        "Siden kunne ikke læses op i denne browser."
    )
    expect(page.get_by_role("button", name="Stop")).to_be_disabled()


def test_read_aloud_works_by_keyboard_with_pause_and_stop(page, live_server):
    hearing = _hearing()
    page.add_init_script(SPEECH_ENGINE)
    page.goto(hearing.url)
    control = page.locator("[data-read-aloud]")
    play = page.get_by_role("button", name="Læs op")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_disabled()
    play.focus()
    page.keyboard.press("Enter")
    expect(control).to_have_attribute("data-state", "playing")
    expect(stop).to_be_enabled()
    for _ in range(3):
        page.evaluate("() => window.__finishUtterance()")
    spoken = page.evaluate("() => window.__spoken")
    # The page from the top, paragraph by paragraph, in Danish with the Danish voice.
    assert [item["text"] for item in spoken] == [
        "Høringssvar",
        hearing.title,
        "Kort fortalt",
        hearing.summary,
    ]
    assert {(item["lang"], item["voice"]) for item in spoken} == {("da-DK", "Dansk")}

    page.get_by_role("button", name="Pause").focus()
    page.keyboard.press("Space")
    expect(control).to_have_attribute("data-state", "paused")
    assert page.evaluate("() => window.speechSynthesis.paused")
    page.get_by_role("button", name="Fortsæt").focus()
    page.keyboard.press("Space")
    expect(control).to_have_attribute("data-state", "playing")

    stop.focus()
    page.keyboard.press("Enter")
    expect(control).to_have_attribute("data-state", "stopped")
    expect(stop).to_be_disabled()
    expect(page.get_by_role("button", name="Læs op")).to_be_focused()
    assert page.evaluate("() => window.speechSynthesis.speaking") is False


def test_read_aloud_is_absent_without_speech_synthesis(page, live_server):
    hearing = _hearing()
    page.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page.goto(hearing.url)
    assert page.evaluate("() => !('speechSynthesis' in window)")
    expect(page.locator("[data-read-aloud]")).to_be_hidden()
    expect(page.get_by_role("button", name="Læs op")).to_have_count(0)


# -- The public face ---------------------------------------------------------------------------

MENU = [
    ("Rådene", "/#raadene"),
    ("Møder", "/moeder/"),
    ("Høringssvar", "/hoeringssvar/"),
    ("Årsrapporter", "/aarsrapporter/"),
    ("I tal", "/i-tal/"),
    ("Søg", "/soeg/"),
]


def test_the_header_has_the_main_menu_and_each_page_one_search_box(page, live_server):
    # The national lists (/moeder/ ...) are served by another part of the site; the menu is
    # checked by its links' addresses, not by following them.
    hearing = _hearing()
    for url in ("/", hearing.url, "/soeg/?q=natvarmestuen"):
        page.goto(url)
        menu = page.get_by_role("navigation", name="Hovedmenu")
        links = menu.get_by_role("link")
        assert [(link.inner_text(), link.get_attribute("href")) for link in links.all()] == MENU
        assert page.locator("input[type=search]").count() == 1, url
    expect(page.get_by_role("link", name="Søg")).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_answer_starts_within_the_first_screen_of_a_hearing_response(
    browser, live_server, width
):
    hearing = _hearing()
    context, page = new_tab(browser, live_server, width)
    height = 844 if width == 390 else 900
    page.set_viewport_size({"width": width, "height": height})
    page.goto(hearing.url)
    answer = page.get_by_role("heading", name="Rådets svar")
    top = answer.evaluate("(el) => el.getBoundingClientRect().top + window.scrollY")
    assert top < height, f"the answer starts at {top}px on a {width}x{height} screen"
    # The breadcrumb is one line on a phone: a link back to the section above.
    crumbs = page.get_by_role("navigation", name="Du er her").get_by_role("link")
    visible = [link.inner_text() for link in crumbs.all() if link.is_visible()]
    if width == 390:
        assert visible == ["Høringssvar"]
    else:
        assert len(visible) >= 3
    # Nothing sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
