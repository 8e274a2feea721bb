"""Wiring the Qt application: window, input, and the command that plays the show."""
