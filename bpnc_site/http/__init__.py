"""How the site answers HTTP before and around the pages: middleware, the health
check, the visitor's address behind proxies, and error pages."""
