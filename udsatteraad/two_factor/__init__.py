"""Two-factor login (TOTP) with django-otp: who needs a code, and the signed ticket between steps.

An editor who has set up an authenticator app (a confirmed ``TOTPDevice``) logs in in two steps:
the password, then the 6-digit code from the app. Between the steps nothing is stored on the
server and no cookie is set (the login forms are tokenless, see ``udsatteraad.login``): the
password step hands the browser a signed, short-lived *ticket* naming the user, which the code
step posts back. The session only starts when the code is right.

``TWO_FACTOR_REQUIRED_FOR_SUPERUSERS`` (true in the production settings) sends a site
administrator without a device to set one up before any other admin page (``middleware``).
"""
