"""pytest-bdd steps: thin, reading like the guide; clients and page objects do the work."""
