import pytest
from tests.sellers.test_listings_csv import *
def test_dbg(seller, other_commune):
    import time
    rows = valid_rows(1000)
    rows[7]["price_vnd"] = "0"
    rows[8].update(certificate(ocop_score="101"))
    t=time.time()
    plan = import_bytes(seller, csv_bytes(rows))
    print("parse", time.time()-t)
    print(plan.errors)
