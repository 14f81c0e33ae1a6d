"""Helpers that the tests of several areas share, and the diff benchmark: a ModelAdmin form's data
as the browser would post it (`forms`), checks of a page's HTML (`html`) and made-up snapshots
(`snapshots`). The site's own code never imports them."""
