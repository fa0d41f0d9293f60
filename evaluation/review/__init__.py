"""The reviewers' pages under /ocop/tham-dinh/: commune officers check dossiers (commune.py), council
members score them and their chairs decide (council.py). Thin views over evaluation.services; every
dossier and round is looked up within the signed-in user's scope, so a foreign id is a 404."""
