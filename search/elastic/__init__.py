"""Elasticsearch for product search: the index definition, the queries, and keeping the index current."""
