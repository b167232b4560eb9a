"""The database plumbing every service shares: JSON columns, the JSON array aggregate, the pool."""

from __future__ import annotations

import math

import sqlalchemy as sa

from services.kit.db import POOL_SIZE, create_engine, json_array_agg, session_factory

meta = sa.MetaData()
docs = sa.Table("docs", meta, sa.Column("id", sa.Integer, primary_key=True), sa.Column("body", sa.JSON))
tags = sa.Table("tags", meta, sa.Column("doc_id", sa.Integer), sa.Column("tag", sa.String(20)))


async def test_json_columns_and_the_array_aggregate(database_url: str) -> None:
    sqlite = database_url.startswith("sqlite")
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(meta.create_all)
            # json.dumps writes NaN; SQLite stores it, PostgreSQL refuses it at the door.
            await conn.execute(docs.insert(), [{"id": 1, "body": {"emails": ["a@example.com"], "ß": "ü"}},
                                               {"id": 2, "body": {"score": math.nan if sqlite else 1.5}},
                                               {"id": 3, "body": {}}])
            await conn.execute(tags.insert(), [{"doc_id": 1, "tag": "b"}, {"doc_id": 1, "tag": "a, \"q\""}])
        async with engine.connect() as conn:
            tag_array = (sa.select(json_array_agg(tags.c.tag)).where(tags.c.doc_id == docs.c.id)
                         .scalar_subquery().label("tags"))
            rows = (await conn.execute(sa.select(docs.c.id, docs.c.body, tag_array).order_by(docs.c.id))).all()
    finally:
        await engine.dispose()
    assert rows[0].body == {"emails": ["a@example.com"], "ß": "ü"}
    assert sorted(rows[0].tags) == ["a, \"q\"", "b"]  # a separator inside a value stays inside it
    # A strict parser refuses NaN: the column must still read back.
    assert math.isnan(rows[1].body["score"]) if sqlite else rows[1].body == {"score": 1.5}
    assert rows[2].body == {} and rows[2].tags in (None, [])  # no rows: NULL (PostgreSQL) or [] (SQLite)


async def test_the_pool_keeps_the_connections_load_opened(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        connections = [await engine.connect() for _ in range(POOL_SIZE)]
        for conn in connections:
            await conn.execute(sa.text("SELECT 1"))
        for conn in connections:
            await conn.close()
        # Nothing beyond the pool's size was opened, so nothing was thrown away on return.
        assert engine.pool.checkedin() == POOL_SIZE  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def test_transactions_end_as_written_though_idle_ones_skip_the_driver(database_url: str) -> None:
    # SQLite skips the commit or rollback of a transaction that never began (a read); a write's must still run.
    engine = create_engine(database_url)
    factory = session_factory(engine)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(meta.create_all)
        async with factory() as s:
            await s.execute(docs.insert().values(id=1, body={"kept": True}))
            await s.commit()
        async with factory() as s:
            await s.execute(docs.insert().values(id=2, body={"kept": False}))
            await s.rollback()
        async with factory() as s:
            await s.execute(docs.insert().values(id=3, body={"kept": False}))
        # Closed without ending its transaction: the pool rolls it back instead of leaking the write lock.
        async with factory() as s:
            assert (await s.execute(sa.select(docs.c.id))).scalars().all() == [1]
            await s.commit()
            await s.execute(docs.insert().values(id=4, body={}))
            await s.commit()
        async with engine.connect() as conn:
            assert (await conn.execute(sa.select(docs.c.id).order_by(docs.c.id))).scalars().all() == [1, 4]
    finally:
        await engine.dispose()
