"""The auth area: views, forms and services."""
