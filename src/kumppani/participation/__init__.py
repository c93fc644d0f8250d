"""Participation: consultations with a published response, surveys distributed through NGOs, and the
experiential knowledge NGOs report (kokemustieto)."""
