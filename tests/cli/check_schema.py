"""Checks a JSON document against one of the JSON Schemas in docs/schema.

Usage: check_schema.py SCHEMA FILE
Checks that SCHEMA is itself a valid draft 2020-12 schema, then that FILE is
JSON without duplicate keys and valid against SCHEMA, formats ("date")
included. Prints every problem with its JSON path and exits 1 if there is
any (a FILE that cannot be read or parsed is a problem too); exits 2 on a
usage error, a missing jsonschema module or a SCHEMA that cannot be used.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("check_schema: needs python3-jsonschema (scripts/setup.sh installs it); run with /usr/bin/python3")
    sys.exit(2)


def no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys: {', '.join(duplicates)}")
    return dict(pairs)


def describe(error):
    """The JSON path and message of an error, shortened: a message quotes the
    whole failing value, which can be a page long."""
    path = "$" + "".join(f"[{part!r}]" for part in error.absolute_path)
    message = error.message
    quoted = repr(error.instance)
    if len(quoted) > 60 and message.startswith(quoted):
        kinds = {dict: "the object", list: "the array"}
        message = kinds.get(type(error.instance), "the value") + message[len(quoted):]
    if len(message) > 200:
        message = message[:200] + "..."
    if error.context:
        # oneOf and friends: say which branch came closest and why it failed.
        message += f" (closest: {describe(jsonschema.exceptions.best_match(error.context))})"
    return f"{path}: {message}"


def load(path, what):
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream, object_pairs_hook=no_duplicates)
    except (OSError, ValueError) as error:
        print(f"check_schema: {what} {path}: {error}")
        sys.exit(1 if what == "document" else 2)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip())
        sys.exit(2)
    schema_path, document_path = sys.argv[1], sys.argv[2]
    schema = load(schema_path, "schema")
    validator_class = jsonschema.Draft202012Validator
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"check_schema: schema {schema_path} is not a valid draft 2020-12 schema: {error.message}")
        sys.exit(2)
    document = load(document_path, "document")
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors:
        print(f"check_schema: {document_path}: {describe(error)}")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
