"""newslake."""
