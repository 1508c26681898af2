"""Read, validate and model the data: YAML files in data/ become frozen dataclasses."""
