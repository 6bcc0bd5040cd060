"""Tests of classes, join codes, rosters and assignments."""
