"""The public pages' views: they read published versions and wire them to templates."""
