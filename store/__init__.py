"""SQLite storage for tasks, runs, events, blobs and scores (imports nothing of ours)."""
from .db import RUN_STATUSES, EventRecord, Store, default_db_path, pid_alive
from .migrations import SCHEMA_VERSION

__all__ = ["Store", "EventRecord", "RUN_STATUSES", "default_db_path", "pid_alive", "SCHEMA_VERSION"]
