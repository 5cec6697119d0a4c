"""Collects every scenario of every .feature file in this folder (pytest-bdd)."""

from pytest_bdd import scenarios

scenarios(".")
