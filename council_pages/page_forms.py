"""Admin page forms shared by the publication page types."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from council_pages.ownership import check_document_ownership
from council_pages.privacy_check import (
    MASK_ACTION,
    check_page,
    guarded_action,
    mask_page,
    row_place,
    warnings_checked,
)
from council_pages.slugs import danish_slugify


class PrivacyGuardPageForm(WagtailAdminPageForm):
    """The form of every page: submitting, approving or publishing checks for personal data.

    A CPR number anywhere the page would publish (attachments included) is a form error, so
    the page is neither submitted nor published and everything the editor typed stays in the
    form; the save menu then offers to mask them in place. Other findings (phone numbers,
    e-mail addresses, case words) only stop an approval until the approver ticks that they
    have checked them. Saving a draft is never stopped.
    """

    def _post_clean(self):
        # After Django has put the cleaned data on the instance: the check reads the page as
        # it would be published, StreamFields and attachments included.
        super()._post_clean()
        self.check_document_ownership()
        if self.data.get(MASK_ACTION):
            # "Erstat CPR-numre med xxxxxx-xxxx": saved as a draft, for the editor to reread.
            mask_page(self.instance)
            return
        action = guarded_action(self.data)
        if action is None:
            return
        report = check_page(self.instance, parent=self.parent_page, rows=self.typed_rows())
        if report.blocking:
            self.add_error(None, report.blocking_message().split("\n"))
        elif action == "approve" and report.warnings and not warnings_checked(self.data):
            self.add_error(None, report.unchecked_message().split("\n"))

    def typed_rows(self):
        """(place, text) for what was typed into the page's rows (members), not yet saved."""
        for formset in self.formsets.values():
            number = 0
            for form in formset.forms:
                if formset.can_delete and form[DELETION_FIELD_NAME].value():
                    continue
                number += 1
                for name, field in form.fields.items():
                    value = form[name].value()
                    if isinstance(field, forms.CharField) and isinstance(value, str) and value:
                        yield row_place(formset.model._meta, number, field.label or name), value

    def check_document_ownership(self):
        """Links to another council's documents are refused (``council_pages.ownership``).

        An existing page is checked by its own ``full_clean`` (see ``BasePage``); a new page
        has no place in the tree yet, so its council follows from the parent the form knows.
        """
        if self.instance.path or self.parent_page is None:
            return
        try:
            check_document_ownership(
                self.instance, parent=self.parent_page, exclude=self._get_validation_exclusions()
            )
        except ValidationError as error:
            self._update_errors(error)


class NaturalSlugPageForm(PrivacyGuardPageForm):
    """A page form that addresses a new page by what it is, not by its title.

    Meetings live at ``moeder/2009-10-22/`` and annual reports at ``aarsrapporter/2009/``.
    Wagtail's admin fills the slug from the title as the editor types; while the slug still
    follows the title (in any spelling a browser may produce), a new page gets the natural
    slug from ``natural_slug()`` instead, numbered ``-2``, ``-3`` if a sibling has it already.
    A slug the editor typed is kept.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "slug" in self.fields:
            self.fields["slug"].required = False

    def natural_slug(self, cleaned_data) -> str:
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk or self.parent_page is None:
            return cleaned_data
        slug = cleaned_data.get("slug") or ""
        title = cleaned_data.get("title") or ""
        follows_title = not slug or slug in {
            danish_slugify(title),
            slugify(title),
            slugify(title, allow_unicode=True),
        }
        natural = self.natural_slug(cleaned_data)
        if follows_title and natural:
            taken = set(self.parent_page.get_children().values_list("slug", flat=True))
            candidate, n = natural, 2
            while candidate in taken:
                candidate, n = f"{natural}-{n}", n + 1
            cleaned_data["slug"] = candidate
            self.instance.slug = candidate
        return cleaned_data
