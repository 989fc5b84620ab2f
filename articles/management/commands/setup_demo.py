import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand

SEED_FILE = Path(settings.BASE_DIR) / "seeds" / "articles.jsonl"


class Command(BaseCommand):
    help = "Load the starter actors and the seed articles, publish a demo timeline and print an editor's login."

    def handle(self, *args: object, **options: object) -> None:
        call_command("load_starter_actors", stdout=self.stdout)
        editor = self.demo_editor()
        call_command("import_articles", str(SEED_FILE), user=editor.username, stdout=self.stdout)
        call_command("publish_demo_timeline", user=editor.username, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("\nOpen http://127.0.0.1:8000/ and log in as:"))
        self.stdout.write(f"  username: {editor.username}\n  password: {self.password}\n")

    def demo_editor(self) -> User:
        user, _ = get_user_model().objects.get_or_create(username="editor", defaults={"is_staff": True})
        self.password = secrets.token_urlsafe(9)
        user.set_password(self.password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=["Editors", "Publishers"]))
        return user
