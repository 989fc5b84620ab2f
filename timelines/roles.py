"""The two roles of the product, as permission groups: editors review, publishers also publish."""

from typing import Any

EDITOR_PERMISSIONS = [
    ("articles", "add_article"),
    ("articles", "view_article"),
    ("articles", "change_article"),
    ("timelines", "review_candidateevent"),
    ("timelines", "view_candidateevent"),
    ("timelines", "change_candidateevent"),
    ("timelines", "add_event"),
    ("timelines", "change_event"),
    ("timelines", "view_event"),
    ("timelines", "add_actor"),
    ("timelines", "change_actor"),
    ("timelines", "view_actor"),
    ("timelines", "add_actoralias"),
    ("timelines", "add_timeline"),
    ("timelines", "change_timeline"),
    ("timelines", "view_timeline"),
]
PUBLISHER_PERMISSIONS = [("timelines", "publish_timeline")]
ROLES = {"Editors": EDITOR_PERMISSIONS, "Publishers": PUBLISHER_PERMISSIONS}


def ensure_role_groups(group_model: Any, permission_model: Any) -> None:
    """Create the role groups with their permissions. Safe to re-run; takes models so migrations can call it."""
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename))
