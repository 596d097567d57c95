"""What the tests, ``make bench`` and ``make loadtest`` share: factories for pages
and snippets, the seed content's pages and addresses, reading a page as a person
does, and the one toolkit that builds and serves a throwaway copy of the site."""
