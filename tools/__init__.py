"""Tooling beside the docgen package: benchmark, example generator, template builders, test fillers."""
