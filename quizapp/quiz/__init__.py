"""The quiz area: views, forms and services."""
