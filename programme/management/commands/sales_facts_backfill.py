import datetime

from django.core.management.base import BaseCommand, CommandError

from programme import sales_facts


class Command(BaseCommand):
    help = (
        "Compute the programme dashboard's sales facts for past days (by default every day from the first order to "
        "today), a batch of days per transaction. Idempotent: run it again, or for days already computed, at will."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="only the last DAYS days, today included")
        parser.add_argument("--since", type=datetime.date.fromisoformat, help="from this day (YYYY-MM-DD) to today")
        parser.add_argument("--batch-days", type=int, default=sales_facts.BATCH_DAYS, help="days per transaction")

    def handle(self, *args, days=None, since=None, batch_days, **options):
        if days is not None and since is not None:
            raise CommandError("Give --days or --since, not both.")
        if batch_days < 1 or (days is not None and days < 1):
            raise CommandError("--days and --batch-days must be at least 1.")
        verbose = options["verbosity"] >= 1

        def progress(done, total, first, last):
            if verbose:
                self.stdout.write(f"  [{done}/{total}] {first:%Y-%m-%d} … {last:%Y-%m-%d}")

        if days is not None:
            since = sales_facts.last_days(days)[-1]
        result = sales_facts.backfill(since=since, progress=progress, batch_days=batch_days)
        self.stdout.write(self.style.SUCCESS(
            f"Sales facts: {result.days} days recomputed in {result.batches} batches, {result.seconds:.1f} s."
        ))  # fmt: skip
