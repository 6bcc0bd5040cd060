"""Results: how a class or all students did on an article, by student and by question."""
