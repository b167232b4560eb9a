"""The sender's hot-path SQL (services/email/repository.py) is written out as text for speed: the status words
and table names it spells must be the ones the models use, or a rename would silently stop sending."""

from __future__ import annotations

import re

from services.email import models
from services.email.repository import HOT_PATH_SQL

SQL = [getattr(stmt, "element", stmt).text for stmt in HOT_PATH_SQL]  # a RETURNING statement wraps its text
STATUS_WORDS = {models.QUEUED, models.SENDING, models.SENT, models.RUNNING, models.ACTIVE, models.FINISHED}


def test_status_words_in_the_hot_path_sql_are_the_models_ones() -> None:
    spelled = {word for sql in SQL for word in re.findall(r"status = '(\w+)'", sql)}
    assert spelled and spelled <= STATUS_WORDS


def test_tables_in_the_hot_path_sql_exist() -> None:
    tables = set(models.Base.metadata.tables)
    named = {name for sql in SQL for name in re.findall(r"(?:UPDATE|INTO|FROM)\s+(\w+)", sql)}
    assert named and named <= tables
