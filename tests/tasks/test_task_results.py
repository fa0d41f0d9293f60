"""Tasks are fire-and-forget: no code reads a task's result, so sending one costs the sender no result bookkeeping."""

import os

import pytest

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no Redis result backend"),
]


@pytest.mark.django_db
def test_sending_a_task_does_not_subscribe_the_sender_to_its_result():
    """No code reads a task's result: the web process sending one (four per order placed) must not subscribe to
    its result's channel on the result backend — a Redis round trip each, never unsubscribed."""
    import redis

    from marketplace.celery import app
    from marketplace.checkout.tasks import send_order_confirmation

    assert app.conf.result_backend.startswith("redis://")
    app.conf.task_always_eager = False
    try:
        with app.connection_for_write("memory://") as connection:  # the message itself goes nowhere
            result = send_order_confirmation.apply_async((1,), connection=connection)
    finally:
        app.conf.task_always_eager = True

    channel = app.backend.get_key_for_task(result.id)
    subscribers = redis.Redis.from_url(app.conf.result_backend).pubsub_numsub(channel)
    assert subscribers == [(channel, 0)]
