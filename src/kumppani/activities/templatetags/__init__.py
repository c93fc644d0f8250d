"""Template tags that show activities and service paths on other apps' pages."""
