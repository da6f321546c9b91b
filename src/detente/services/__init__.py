"""Services: what the CLI, the web app and the library (``detente.api``) share, implemented once.

- ``names`` — an actor id for an id or a name typed by a user (``resolve_actor``), with candidates
  when it is unknown or ambiguous (``UnknownActor``).
- ``ingest`` — articles into a store: skip stored ones, extract in batches, save, count
  (``ingest_articles`` → ``IngestSummary``).
"""
