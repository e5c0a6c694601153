"""Demo content for `manage.py load_demo`.

Each module adds one part of the demo site and must be idempotent (run twice = same site):
``councils`` creates the five councils, their members and the demo users; later modules add the
councils' publications, roles and workflow states, and documents. ``load_demo`` runs them in
the order of ``STEPS``.
"""
