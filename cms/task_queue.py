"""The task queue: background work kept in the database until a worker runs it.

Renditions, search indexing, webhook delivery, e-mails and Wagtail's own tasks (reference
index, file deletion) are Django tasks (the ``django-tasks`` backport of Django 6's
``django.tasks``). ``TASKS`` puts them in the database through ``django-tasks-db``: a task is
a row written in the transaction of the change that asked for it, so it commits with the
change, or vanishes with a rollback, and waits there while no worker runs. ``manage.py
run_worker`` runs them (README "Operations").

Nothing that publishes depends on the queue: when the queue cannot take a task (its table
missing, the database refusing the insert), ``DatabaseBackend`` logs a warning and runs the
task in-process instead, as before there was a worker.
"""

import logging
from datetime import timedelta

from django.db import DatabaseError, OperationalError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend as QueueBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger(__name__)


class DatabaseBackend(QueueBackend):
    """django-tasks-db's backend; a task the queue cannot take runs in-process instead."""

    def enqueue(self, task, args, kwargs):
        try:
            # A savepoint: a failed insert must not break the caller's transaction.
            with transaction.atomic(using=DBTaskResult.objects.db):
                return super().enqueue(task, args, kwargs)
        except DatabaseError as error:
            logger.warning(
                "The task queue refused %s (%s); running it in-process instead.",
                task.module_path,
                error,
            )
            return ImmediateBackend(self.alias, {}).enqueue(task, args, kwargs)


def claim_next(backend_name: str, worker_id: str) -> DBTaskResult | None:
    """Take the next ready task of any queue for this worker (``db_worker``'s way)."""
    ready = DBTaskResult.objects.ready().filter(backend_name=backend_name)
    with exclusive_transaction(ready.db):
        try:
            task_result = ready.get_locked()
        except OperationalError as error:
            if is_locked_database_exception(error):  # SQLite busy: try again later
                return None
            raise
        if task_result is not None:
            task_result.claim(worker_id)
    return task_result


def requeue_abandoned(older_than: timedelta) -> int:
    """Put back tasks left running that long: their worker was killed mid-task.

    Our tasks may run twice (renditions and search rows are found or overwritten, webhook
    deliveries are locked per subscriber), so a task is retried rather than lost.
    """
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - older_than
    ).update(status=TaskResultStatus.READY, started_at=None)
