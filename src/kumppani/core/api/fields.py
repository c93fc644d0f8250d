"""Serializer fields shared by the API."""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


class TranslatedField(serializers.Field):
    """A django-modeltranslation field as one object: {"fi": …, "sv": …, "en": …}.

    Reads and writes the model's `<name>_fi`, `<name>_sv` and `<name>_en` fields (`name` is the
    serializer field's name unless `base` says otherwise). An empty text is null on output and is
    stored as null, as the forms do. On write a partial object changes only the languages it names;
    `required_languages` must be present (on create) and not empty. Each text is checked against the
    model field's max_length.

        name = TranslatedField(required_languages=("fi",))
    """

    default_error_messages = {
        # DRF's own messages (and "required" from Field), so DRF's catalogues translate them.
        "not_a_dict": serializers.DictField.default_error_messages["not_a_dict"],
        "invalid_choice": serializers.ChoiceField.default_error_messages["invalid_choice"],
    }

    def __init__(self, *, base: str | None = None, required_languages=(), max_length: int | None = None, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)
        self.base = base
        self.required_languages = tuple(required_languages)
        self.max_length = max_length

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.base = self.base or field_name
        if self.max_length is None:
            model = getattr(getattr(parent, "Meta", None), "model", None)
            try:
                self.max_length = model._meta.get_field(f"{self.base}_{LANGUAGES[0]}").max_length if model else None
            except FieldDoesNotExist:
                self.max_length = None

    def text_field(self, language: str) -> serializers.CharField:
        """The field that checks the text of one language."""
        required = language in self.required_languages
        return serializers.CharField(
            max_length=self.max_length, allow_blank=not required, allow_null=not required, trim_whitespace=True
        )

    def to_representation(self, instance):
        return {language: getattr(instance, f"{self.base}_{language}", None) or None for language in LANGUAGES}

    def to_internal_value(self, data):
        if not isinstance(data, Mapping):
            self.fail("not_a_dict", input_type=type(data).__name__)
        errors: dict[str, list] = {}
        values: dict[str, str | None] = {}
        for key in data:
            if key not in LANGUAGES:
                errors[str(key)] = [self.error_messages["invalid_choice"].format(input=key)]
        partial = getattr(self.root, "partial", False)
        for language in LANGUAGES:
            if language not in data:
                if language in self.required_languages and not partial:
                    errors[language] = [self.error_messages["required"]]
                continue
            try:
                value = self.text_field(language).run_validation(data[language])
            except serializers.ValidationError as error:
                errors[language] = error.detail
            else:
                values[f"{self.base}_{language}"] = value or None
        if errors:
            raise serializers.ValidationError(errors)
        return values


class OptionalURLField(serializers.URLField):
    """A web address that may be missing: null (never "") when the model's field is empty, so that
    the value always is what the OpenAPI document says (a URI or null)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None

    def to_internal_value(self, data):
        return super().to_internal_value(data) if data else ""


class PrefetchedManyField(serializers.ManyRelatedField):
    """A many-to-many field written through its relation (`source`) and read from the list that a
    `Prefetch(..., to_attr=prefetched)` left on the object: a prefetch into the related manager
    builds a query set per object, which in a list of 50 took a third of the answer's time.

        in_language = PrefetchedManyField(
            child_relation=serializers.SlugRelatedField(slug_field="code", queryset=Language.objects.all()),
            source="languages",
            prefetched="language_list",
        )
    """

    def __init__(self, *, prefetched: str, **kwargs):
        self.prefetched = prefetched
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.prefetched)
