from .base import BasePage
from .council import CompositionModel, CouncilMember, CouncilPage, MemberRole, MemberSeat
from .home import HomePage
from .roles import APPROVER_ROLES, CouncilAccessGroup, CouncilRole, CouncilRoleKind
from .standard import StandardPage
from .tags import TARGET_GROUP_VOCABULARY, CouncilPageTargetGroup, TargetGroup

__all__ = [
    "APPROVER_ROLES",
    "TARGET_GROUP_VOCABULARY",
    "BasePage",
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
