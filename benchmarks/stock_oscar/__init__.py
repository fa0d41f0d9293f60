"""Stock django-oscar, set up as its documentation's "Building your own shop" says, to compare pages with ours
(benchmarks/catalogue.py --product-page). Not part of the project: only the benchmark runs it, in its own database."""
