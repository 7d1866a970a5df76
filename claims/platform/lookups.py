"""`field__any_of=[…]`: `field = ANY(%s)`, the list bound as one array.

`pk__in` binds one parameter per value. An article's matching reads a few thousand candidate
claims at once, and binding (and Django building) thousands of parameters costs more than
PostgreSQL takes to find the rows; one array costs nothing.
"""

from django.db.models import Field, ForeignObject, Lookup


@Field.register_lookup
@ForeignObject.register_lookup  # (relations keep lookups of their own: claim_id__any_of)
class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = [self.lhs.output_field.get_db_prep_value(v, connection) for v in self.rhs]
        return f"{lhs} = ANY(%s)", [*lhs_params, values]
