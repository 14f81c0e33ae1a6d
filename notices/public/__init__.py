"""The public site: the pages anyone can read, their cache, feeds, sitemap and data downloads."""
