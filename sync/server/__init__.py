"""checkpoint-hq: the headquarters server."""
