"""How the API's own serializer fields appear in the OpenAPI document (loaded by ApiConfig.ready)."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

from kumppani.core.api.fields import LANGUAGES


class TranslatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "kumppani.core.api.fields.TranslatedField"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        required = set(field.required_languages)
        properties = {}
        for language in LANGUAGES:
            text = {"type": "string"}
            if language not in required:
                text["nullable"] = True
            if direction == "request":
                if field.max_length:
                    text["maxLength"] = field.max_length
                if language in required:
                    text["minLength"] = 1
            properties[language] = text
        schema = {
            "type": "object",
            "description": "The text in Finnish, Swedish and English; null where there is none.",
            "properties": properties,
            "additionalProperties": False,
        }
        if direction == "response":
            schema["required"] = list(LANGUAGES)
        elif required and auto_schema.method != "PATCH":
            schema["required"] = [language for language in LANGUAGES if language in required]
        return schema


# Every operation may be refused: documented once here, so that a client (and schemathesis) knows
# the shape of each refusal. 400: a field or parameter named with what is wrong; 403: no permission
# (or a key that no longer works); 404: no such object, or one the caller may not know of.
ERROR_RESPONSES = {
    "400": {
        "description": "Bad input: each field or query parameter that was not accepted, with the reasons.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            }
        },
    },
    "403": {
        "description": "Not allowed: not signed in, an API key that no longer works, or no permission.",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
            }
        },
    },
    "404": {
        "description": "Not found: no such object, or no such page of a list.",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
            }
        },
    },
}


# A change sent with an older `version` than the stored one (core.versioning), on the operations
# whose request has a `version`.
CONFLICT_RESPONSE = {
    "description": "Conflict: someone else saved the object after the version you sent. The message lists "
    "what changed meanwhile, with the current values; read the object again and make your change there.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"version": {"type": "array", "items": {"type": "string"}}},
                "required": ["version"],
            }
        }
    },
}


def _has_version(result, operation) -> bool:
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schema = media.get("schema", {})
        ref = schema.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            schema = result.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
        if "version" in schema.get("properties", {}):
            return True
    return False


TIME_PATTERN = r"^(([01]?[0-9]|2[0-3])[:.][0-5]?[0-9]([:.][0-5][0-9])?)?$"


def document_refusals(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the refusals above to every operation that does not
    describe its own; and say that an empty choice or date filter (`?status=`, `?start=`, as a form
    sends them) means no filter, which is how the lists read it."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for status, response in ERROR_RESPONSES.items():
                operation.setdefault("responses", {}).setdefault(status, response)
            if method in ("put", "patch") and _has_version(result, operation):
                operation["responses"].setdefault("409", CONFLICT_RESPONSE)
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") != "query":
                    continue
                if "enum" in schema and "" not in schema["enum"]:
                    schema["enum"] = [*schema["enum"], ""]
                elif schema.get("format") == "time":
                    # Times are read as Finns write them too: 17:00, 17.00, 9.30.
                    parameter["schema"] = {"type": "string", "pattern": TIME_PATTERN}
                elif schema.get("format") in ("date", "date-time"):
                    parameter["schema"] = {"oneOf": [schema, {"type": "string", "maxLength": 0}]}
    return result
