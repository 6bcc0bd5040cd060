"""Classes: a teacher's classes, their join codes and rosters, and the reading assigned to them."""
