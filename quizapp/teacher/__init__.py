"""The teacher area: views, forms and services."""
