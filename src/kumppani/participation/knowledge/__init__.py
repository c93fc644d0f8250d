"""Experiential knowledge reports (kokemustieto) from NGOs, acknowledged and answered by the body."""
