"""Knowledge reports are written in the NGO's own language; nothing is translated field by field."""
