"""Bytes to validated core objects, or every located problem: YAML, frameworks files, assessments, costs."""
