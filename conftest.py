"""Registers the project's pytest plugin: step definitions, fixtures and the run record."""

pytest_plugins = ["steps.alle"]
