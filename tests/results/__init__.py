"""Tests of the results area: scores in SQL, distractors, one student's attempts, CSV."""
