"""Who needs a code, and the signed ticket between the two steps of a login."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

TICKET_SALT = "udsatteraad.two_factor.ticket"
# Long enough to open the app and type the code; short enough that a ticket left in a browser's
# history is worthless soon after.
TICKET_MAX_AGE_SECONDS = 300


def totp_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator, if they have set one up."""
    if not user.pk:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def must_enrol(user) -> bool:
    """A site administrator without an authenticator, where the settings require one."""
    return (
        settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS
        and user.is_superuser
        and not user_has_device(user, confirmed=True)
    )


def make_ticket(user, remember: bool | None) -> str:
    """A signed note that this user gave the right password just now."""
    # The session hash changes with the password, so a password change voids open tickets.
    return signing.dumps(
        {"u": user.pk, "h": user.get_session_auth_hash(), "r": remember}, salt=TICKET_SALT
    )


def read_ticket(ticket: str):
    """(user, remember) from a valid ticket, or (None, None) when it is forged, old or void."""
    try:
        data = signing.loads(ticket, salt=TICKET_SALT, max_age=TICKET_MAX_AGE_SECONDS)
        user = get_user_model()._default_manager.get(pk=data["u"], is_active=True)
    except (signing.BadSignature, KeyError, TypeError, get_user_model().DoesNotExist):
        return None, None
    if not signing.constant_time_compare(data.get("h", ""), user.get_session_auth_hash()):
        return None, None
    return user, data.get("r")
