"""Template tags and filters shared by every app's templates."""
