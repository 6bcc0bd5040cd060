"""Tests of quizapp.exchange, the Flask-free GIFT and Moodle XML formats."""
