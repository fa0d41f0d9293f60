"""Vietnamese names for the editorial groups and the moderation workflow (issue 14.11): Wagtail's own
migrations create "Moderators", "Editors" and the "Moderators approval" workflow and task, whose names the
admin shows as they are ("Gửi duyệt (Moderators approval)")."""

from django.db import migrations

GROUPS = {"Moderators": "Ban biên tập", "Editors": "Biên tập viên", "Communication staff": "Cán bộ truyền thông"}
WORKFLOW = {"Moderators approval": "Ban biên tập duyệt"}


def _rename(apps, groups, workflows):
    Group = apps.get_model("auth", "Group")
    for old, new in groups.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for model in ("Workflow", "Task"):
        for old, new in workflows.items():
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, GROUPS, WORKFLOW)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in GROUPS.items()}, {new: old for old, new in WORKFLOW.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_news_and_training"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
