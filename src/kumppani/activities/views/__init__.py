"""The activities' own pages: the public directory (public.py) and an NGO's "Our activities" (manage.py)."""
