"""Tests of the scores area."""
