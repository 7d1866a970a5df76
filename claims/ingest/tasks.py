"""Ingestion's Celery tasks: fetch → extract → suggest, each a thin wrapper of one step in
claims/ingest/steps.py, with a fixed name (see claims/tasks.py)."""

import logging

from celery import shared_task
from django.db import DatabaseError

logger = logging.getLogger(__name__)


def _step(step, article_id):
    """Run one pipeline step; a bug fails the article with a message instead of hanging it."""
    from claims.ingest.steps import fail_article

    try:
        return step(article_id)
    except DatabaseError:
        raise  # retried: the database may be back in a moment
    except Exception:
        logger.exception("ingestion step %s failed for article %s", step.__name__, article_id)
        fail_article(article_id, "Something went wrong while reading this article. Try again.")
        return "failed"


INGEST_RETRY = {"autoretry_for": (OSError, DatabaseError), "retry_backoff": 5, "max_retries": 5}


@shared_task(name="verify.ingest.fetch_article", **INGEST_RETRY)
def fetch_article(article_id):
    from claims.ingest.steps import fetch_step

    return _step(fetch_step, article_id)


@shared_task(name="verify.ingest.extract_article", **INGEST_RETRY)
def extract_article(article_id):
    from claims.ingest.steps import extract_step

    return _step(extract_step, article_id)


@shared_task(name="verify.ingest.suggest_claims", **INGEST_RETRY)
def suggest_claims(article_id):
    from claims.ingest.steps import suggest_step

    return _step(suggest_step, article_id)


@shared_task(name="verify.ingest.resume_stalled")
def resume_stalled_ingestions():
    from claims.ingest.submit import resume_stalled

    return resume_stalled()
