"""The site's cache backend: Redis behind a circuit breaker (breaker.py)."""
