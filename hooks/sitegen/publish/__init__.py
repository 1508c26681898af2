"""Work over the built HTML: head metadata, search indexes, sitemaps, open data, 404s (the publish step)."""
