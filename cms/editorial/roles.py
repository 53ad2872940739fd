"""The editorial roles. Groups are created by migration home/0003_editorial_groups."""

CONTRIBUTORS = "Cộng tác viên"
SECTION_EDITORS = "Biên tập viên"
EDITORIAL_BOARD = "Ban biên tập"
SITE_ADMINISTRATORS = "Quản trị"

EDITORIAL_GROUPS = (CONTRIBUTORS, SECTION_EDITORS, EDITORIAL_BOARD, SITE_ADMINISTRATORS)


def is_editorial_board(user) -> bool:
    """Board members (and superusers) approve publication and answer for the audit trail."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=EDITORIAL_BOARD).exists()
    )
