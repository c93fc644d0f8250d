"""The cooperation record: what a public body and NGOs agreed, whether it happened, and governance."""
