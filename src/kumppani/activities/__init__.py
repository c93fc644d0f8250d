"""NGO activities (peer support groups, advice, meeting places, …) for residents and professionals,
client lists, service paths and the HSDS open data."""
