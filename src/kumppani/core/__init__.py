"""The floor every other app stands on: public bodies, users and their roles, vocabularies, audit
history, e-mail, search and the task schedule. It imports no other Kumppani app."""
