"""Banmian (版面): static digital editions of Chinese newspapers from raw page text."""

__version__ = "0.1.0"
