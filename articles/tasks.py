from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from articles import services

TRANSIENT_ERRORS = (OperationalError, InterfaceError, BrokerOperationalError)


@shared_task(  # type: ignore[untyped-decorator]  # celery ships no type hints
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def extract_article_task(article_id: int) -> None:
    services.extract_article(article_id=article_id)


@shared_task(acks_late=True)  # type: ignore[untyped-decorator]
def requeue_stuck_articles() -> None:
    services.requeue_stuck_articles()
