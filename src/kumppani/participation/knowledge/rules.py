"""Who may write, answer and read knowledge reports (see the rules below). Deny by default."""
