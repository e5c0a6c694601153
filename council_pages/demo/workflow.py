"""Demo step: council roles, and per council one page awaiting the chair and one rejected page.

Runs after ``councils`` (which creates ``<slug>-sekretaer`` and ``<slug>-formand``) and after the
publications step (which creates each council's hearing-response index). Adds a vice-chair login
per council, so that "the chair cannot approve their own submission" can be tried too.
"""

import datetime

from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from council_pages import notifications
from council_pages.models import (
    CouncilRole,
    CouncilRoleKind,
    HearingResponseIndexPage,
    HearingResponsePage,
    MemberRole,
)

AWAITING_SLUG = "budget-2011-socialomraadet"
REJECTED_SLUG = "laegehjaelp-paa-herberget"
REJECTION_COMMENT = (
    "Tak for udkastet. Skriv med, hvad beboerne på herberget selv fortalte os på mødet, og "
    "brug kortere sætninger, så alle kan læse det. Send det så igen."
)


def load(ctx):
    admin = ctx.users["admin"]
    with notifications.muted():
        for slug, council in ctx.councils.items():
            secretary = ctx.users[f"{slug}-sekretaer"]
            chair = ctx.users[f"{slug}-formand"]
            vice_chair = _vice_chair(ctx, slug, council)
            for user, role in (
                (secretary, CouncilRoleKind.SECRETARY),
                (chair, CouncilRoleKind.CHAIR),
                (vice_chair, CouncilRoleKind.VICE_CHAIR),
            ):
                _role(user, council, role)

            index = HearingResponseIndexPage.objects.child_of(council).first()
            if index is None:
                ctx.log(f"  {council.title}: ingen side til høringssvar, springer over")
                continue
            awaiting = _draft(index, AWAITING_SLUG, _awaiting_fields(council), secretary)
            _ensure_awaiting(awaiting, secretary, admin)
            rejected = _draft(index, REJECTED_SLUG, _rejected_fields(council), secretary)
            _ensure_rejected(rejected, secretary, chair, admin)
    ctx.log("Rådsroller og godkendelser: én side venter på formanden og én er afvist pr. råd.")


def _vice_chair(ctx, slug, council):
    User = get_user_model()
    member = next((m for m in council.members.all() if m.role == MemberRole.VICE_CHAIR), None)
    first, _sep, last = (
        member.name if member else f"Næstformand {council.municipality}"
    ).partition(" ")
    user, _created = User.objects.get_or_create(username=f"{slug}-naestformand")
    user.first_name, user.last_name = first, last
    user.email = f"{user.username}@example.dk"
    user.is_active = True
    user.set_password(ctx.password)
    user.save()
    ctx.users[user.username] = user
    ctx.logins.append((user.username, f"Næstformand for {council.title}"))
    return user


def _role(user, council, role):
    existing = CouncilRole.objects.filter(user=user, council=council).first()
    if existing is None:
        CouncilRole.objects.create(user=user, council=council, role=role)
    elif existing.role != role:
        existing.role = role
        existing.save()


def _awaiting_fields(council):
    return {
        "title": f"Høringssvar om budget 2011 for socialområdet i {council.municipality}",
        "consultation_title": "Budgetforslag 2011, Social- og Arbejdsmarkedsområdet",
        "consulting_body": "Socialudvalget",
        "summary": (
            "Rådet beder politikerne om ikke at spare på natvarmestuen. Og heller ikke på "
            "hjælpen på gaden."
        ),
        "response": (
            "<p>Rådet beder udvalget om at bevare pengene til natvarmestuen og til "
            "gadeplansarbejdet. Det er de tilbud, de mest udsatte borgere bruger hver dag.</p>"
        ),
        "response_date": datetime.date(2010, 9, 14),
    }


def _rejected_fields(council):
    return {
        "title": f"Udtalelse om lægehjælp på herberget i {council.municipality}",
        "consultation_title": "",
        "consulting_body": "",
        "summary": (
            "Rådet vil have en læge på herberget hver uge. Så skal beboerne ikke vente på "
            "skadestuen."
        ),
        "response": (
            "<p>Rådet anbefaler, at en læge eller sygeplejerske kommer på herberget fast hver "
            "uge, så beboerne ikke skal vente på skadestuen.</p>"
        ),
        "response_date": datetime.date(2010, 11, 2),
    }


def _draft(index, slug, fields, secretary):
    page = HearingResponsePage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = HearingResponsePage(slug=slug, live=False, owner=secretary, **fields)
        index.add_child(instance=page)
        return page
    latest = page.get_latest_revision_as_object()
    if any(getattr(latest, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(latest, name, value)
        latest.save_revision(user=secretary)
    return page


def _reset(page, admin):
    """Put the page back to an unpublished draft, whatever a demo visitor did with it."""
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=admin)
    page.refresh_from_db()
    if page.live:
        page.unpublish(user=admin)


def _ensure_awaiting(page, secretary, admin):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and not page.live:
        return
    _reset(page, admin)
    page = page.get_latest_revision_as_object()
    page.save_revision(user=secretary)
    page.get_workflow().start(page, secretary)


def _ensure_rejected(page, secretary, chair, admin):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES and not page.live:
        return
    _reset(page, admin)
    page = page.get_latest_revision_as_object()
    page.save_revision(user=secretary)
    state = page.get_workflow().start(page, secretary)
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, chair, "reject", comment=REJECTION_COMMENT)
