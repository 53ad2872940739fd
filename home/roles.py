"""The editorial roles. Groups are created by migration home/0003_editorial_groups."""

CONTRIBUTORS = "Cộng tác viên"
SECTION_EDITORS = "Biên tập viên"
EDITORIAL_BOARD = "Ban biên tập"
SITE_ADMINISTRATORS = "Quản trị"

EDITORIAL_GROUPS = (CONTRIBUTORS, SECTION_EDITORS, EDITORIAL_BOARD, SITE_ADMINISTRATORS)
