"""Steps every browser test of the admin takes: a Danish tab on the live server, a login."""


def new_tab(browser, live_server, width=None):
    options = {"base_url": live_server.url, "locale": "da-DK", "timezone_id": "Europe/Copenhagen"}
    if width:
        options["viewport"] = {"width": width, "height": 900}
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
