URL_NAMES: set[str] = set()
