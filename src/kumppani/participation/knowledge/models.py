"""Knowledge models."""

__all__: list[str] = []
