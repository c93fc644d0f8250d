"""The API's shared building blocks: translated fields, the view mixin, errors, pagination, filters
and the OpenAPI extensions; `reference` serves the reference data. `kumppani.api` only wires URLs."""
