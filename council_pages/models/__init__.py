from .base import BasePage
from .council import CompositionModel, CouncilMember, CouncilPage, MemberRole, MemberSeat
from .home import HomePage
from .standard import StandardPage
from .tags import TARGET_GROUP_VOCABULARY, CouncilPageTargetGroup, TargetGroup

__all__ = [
    "TARGET_GROUP_VOCABULARY",
    "BasePage",
    "CompositionModel",
    "CouncilMember",
    "CouncilPage",
    "CouncilPageTargetGroup",
    "HomePage",
    "MemberRole",
    "MemberSeat",
    "StandardPage",
    "TargetGroup",
]
