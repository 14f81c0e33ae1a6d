"""Comparing two versions of a notice, section by section and word by word."""
