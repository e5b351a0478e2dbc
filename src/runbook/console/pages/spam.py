"""Gmail > Spam, phishing and malware: settings sections set per OU, each with its own Save.

No page object of its own: `form` steps set any of its sections (`console/forms.py` reads and
sets a form on any page); its probe walk and names are here, as for every registered page.
"""

from __future__ import annotations

from runbook.console.moves import Look, Move
from runbook.locales import LabelKey, Role

WALK: tuple[Move, ...] = (Look(("spam_heading",)),)

# Keys of this page a read-only walk at the top OU does not reach: a child OU's section.
ELSEWHERE: dict[str, tuple[LabelKey, ...]] = {
    "spam/child-ou-section": ("settings_override", "settings_inherit", "settings_inherit_title"),
}

ROLES: dict[LabelKey, Role] = {
    "nav_spam": "link",
    "spam_heading": "heading",  # level 1
}
