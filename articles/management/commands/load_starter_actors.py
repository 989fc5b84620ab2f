from django.core.management.base import BaseCommand

from timelines.services.actors import load_starter_actors_into_table


class Command(BaseCommand):
    help = "Add the shipped starter actors and aliases that the Actor table lacks (safe to re-run)."

    def handle(self, *args: object, **options: object) -> None:
        added = load_starter_actors_into_table()
        self.stdout.write(f"{added} starter actors added.")
