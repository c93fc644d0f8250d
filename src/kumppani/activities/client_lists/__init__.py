"""Client lists: a professional collects activities during a search and hands the client a short
printable list with its own address. services.py keeps the collection and saves the lists, forms.py
and views.py are the pages."""
