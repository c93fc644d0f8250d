"""The Open Referral HSDS 3.0 open data of the public activities: records.py builds the records,
views.py and urls.py serve them at /api/hsds/, and `kumppani export hsds` writes them to files."""
