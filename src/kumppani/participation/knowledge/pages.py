"""What knowledge reports add to other pages."""


def register() -> None:
    pass
