"""Pure logic: frameworks, assessments, scoring, diff, planning, ranking and gates.

Validated data in, result objects out. Nothing here reads files, prints, or imports Typer, Rich,
Pydantic or YAML (tests/contract/test_architecture.py checks it).
"""
