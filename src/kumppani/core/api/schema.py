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
