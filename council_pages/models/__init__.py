from .annual_reports import AnnualReportIndexPage, AnnualReportPage
from .base import BasePage
from .council import CompositionModel, CouncilMember, CouncilPage, MemberRole, MemberSeat
from .hearings import (
    FollowUpOutcome,
    HearingKind,
    HearingResponseFilterForm,
    HearingResponseIndexPage,
    HearingResponsePage,
    HearingResponsePageTargetGroup,
    HearingStatus,
)
from .home import HomePage
from .meetings import MeetingIndexPage, MeetingPage, MeetingStatus
from .roles import APPROVER_ROLES, CouncilAccessGroup, CouncilRole, CouncilRoleKind
from .rules import RulesOfProcedurePage
from .standard import StandardPage
from .tags import TARGET_GROUP_VOCABULARY, CouncilPageTargetGroup, TargetGroup
from .workflows import ChairApprovalTask

__all__ = [
    "AnnualReportIndexPage",
    "AnnualReportPage",
    "FollowUpOutcome",
    "HearingKind",
    "HearingResponseFilterForm",
    "HearingResponseIndexPage",
    "HearingResponsePage",
    "HearingResponsePageTargetGroup",
    "HearingStatus",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingStatus",
    "RulesOfProcedurePage",
    "APPROVER_ROLES",
    "TARGET_GROUP_VOCABULARY",
    "BasePage",
    "ChairApprovalTask",
    "CompositionModel",
    "CouncilAccessGroup",
    "CouncilMember",
    "CouncilPage",
    "CouncilPageTargetGroup",
    "CouncilRole",
    "CouncilRoleKind",
    "HomePage",
    "MemberRole",
    "MemberSeat",
    "StandardPage",
    "TargetGroup",
]
