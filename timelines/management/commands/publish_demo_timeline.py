from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Article
from timelines.services.publishing import NothingToPublish, publish_timeline_if_changed
from timelines.services.timeline_editing import timeline_from_candidates

DEMO_SLUG = "russia-un-ukraine"
DEMO_TITLE = "Russia, the UN and the war in Ukraine"
DEMO_DESCRIPTION = (
    "Statements, meetings and votes around Russia and the United Nations since the full-scale invasion of Ukraine, "
    "each event cited to the news reports it comes from."
)


class Command(BaseCommand):
    help = (
        "Accept the seed articles' candidates (but the newest article's), build the demo timeline from them and "
        "publish it. Safe to re-run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Username recorded as accepting and publishing.")
        parser.add_argument("--slug", default=DEMO_SLUG)

    def handle(self, *args: Any, user: str, slug: str, **options: Any) -> None:
        publisher = get_user_model().objects.filter(username=user).first()
        if publisher is None:
            raise CommandError(f"No user named {user!r}.")
        # The newest article stays on the desk, so a newcomer has candidates to review.
        newest = (
            Article.objects.exclude(published_on=None).order_by("-published_on", "-pk").values_list("pk", flat=True)[:1]
        )
        timeline = timeline_from_candidates(
            slug=slug, title=DEMO_TITLE, description=DEMO_DESCRIPTION, user=publisher, keep_for_review=list(newest)
        )
        try:
            version = publish_timeline_if_changed(timeline=timeline, published_by=publisher)
        except NothingToPublish as refusal:
            # setup_demo goes on to print the login: with a worker still extracting, there may be no candidates yet.
            self.stdout.write(self.style.WARNING(f"/t/{slug}/ stays a draft. {refusal}"))
            return
        events = timeline.entries.count()
        if version is None:
            self.stdout.write(f"/t/{slug}/ is up to date ({events} events).")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Published /t/{slug}/ version {version.number} with {events} events.")
            )
