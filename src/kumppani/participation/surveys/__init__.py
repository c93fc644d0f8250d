"""Surveys distributed through NGOs' links, anonymous answers, results and the yearly NGO barometer."""
