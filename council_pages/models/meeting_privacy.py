"""Keeping a meeting's minutes from the public: the edit form's checkbox and the restriction.

Non-public minutes use Wagtail's own privacy (a page view restriction to the council's group),
never a mere field: every public channel already leaves restricted pages out.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from council_pages.page_forms import NaturalSlugPageForm

from .roles import council_group


def restrict_to_council(page, council, user=None) -> PageViewRestriction:
    """Make ``page`` visible only to the people of ``council`` (its role holders).

    Uses the council's group where council roles exist; without one (a page outside any
    council), falls back to "logged-in users only", which still keeps it from the public.
    """
    restriction = PageViewRestriction(page=page)
    group = None
    if council is not None:
        group = council_group(council)
    if group is None:
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.save(user=user)
    else:
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save(user=user)
        restriction.groups.set([group])
    return restriction


class MeetingPageForm(NaturalSlugPageForm):
    """The meeting edit form, with one control for keeping the minutes from the public."""

    minutes_not_public = forms.BooleanField(
        label=_("Referatet må ikke offentliggøres"),
        required=False,
        help_text=_(
            "Sæt kryds, hvis forholdene taler for ikke at offentliggøre dette referat. "
            "Så kan kun rådets egne folk (sekretær, formand og næstformand) se mødet; det "
            "vises ikke i lister, feeds, kalender eller søgning. Gælder med det samme."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            restricted = PageViewRestriction.objects.filter(page=self.instance).exists()
            field = self.fields["minutes_not_public"]
            field.initial = restricted
            if restricted and not may_lift_restriction(self.instance, self.for_user):
                # Making minutes public is publishing: like Wagtail's own privacy setting, only
                # someone who may publish can lift the restriction. Anyone may add one.
                field.disabled = True
                field.help_text = _(
                    "Referatet er ikke offentligt. Kun en administrator kan gøre det "
                    "offentligt igen."
                )

    def natural_slug(self, cleaned_data) -> str:
        """New meetings are addressed by their date: /<council>/moeder/2009-10-22/."""
        return cleaned_data["date"].isoformat() if cleaned_data.get("date") else ""

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Applied by the after_create_page / after_edit_page hook once the page has an id.
        page._minutes_not_public = self.cleaned_data.get("minutes_not_public", False)
        return page


def may_lift_restriction(page, user) -> bool:
    """Whether ``user`` may make a restricted page public (Wagtail: whoever may publish it)."""
    return user is not None and page.permissions_for_user(user).can_set_view_restrictions()


def apply_minutes_privacy(page, user=None) -> None:
    """Create or remove the meeting's view restriction to match the form's checkbox."""
    wanted = getattr(page, "_minutes_not_public", None)
    if wanted is None:
        return
    existing = list(PageViewRestriction.objects.filter(page=page))
    if wanted and not existing:
        restrict_to_council(page, page.council, user=user)
    elif not wanted and existing and may_lift_restriction(page, user):
        for restriction in existing:
            restriction.delete(user=user)
