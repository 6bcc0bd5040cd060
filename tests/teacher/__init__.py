"""Tests of the teacher area."""
