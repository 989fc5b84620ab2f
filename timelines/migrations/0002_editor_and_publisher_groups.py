from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in [("Editors", EDITOR_PERMISSIONS), ("Publishers", PUBLISHER_PERMISSIONS)]:
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("timelines", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
