"""Playwright page objects of the fakes' screens: locators by role and label, methods by intent."""
