"""The public demo: a fictional, realistic data set every service is reset to (``outbound demo seed|reset``).

A composition root like ``services.embedded``: it writes each service's own tables through that
service's models, in one transaction per service, so the demo keeps serving while it is reset.
"""
