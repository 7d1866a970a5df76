"""Database routing: readers' public pages may read from the replica, nothing else does.

Which requests may use it, and whether it is fit to use now, is claims/platform/replica.py's
rule; this router only applies it. Writes and migrations always go to the primary.
"""

from claims.platform import replica


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if replica.wanted() and replica.usable():
            return replica.REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two doors

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
