"""Service paths (palvelupolut): a body's ordered steps from public services to NGO activities.

services.py changes them, queries.py reads them, forms.py and views.py are the editor's and the
residents' pages."""
