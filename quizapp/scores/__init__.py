"""The scores area: views, forms and services."""
