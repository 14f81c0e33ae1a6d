"""The whole site as one JSON file, and back again: `export_site` and `import_site`."""
