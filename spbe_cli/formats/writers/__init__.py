"""Assessment files out: the YAML file, its in-place editor, the assessment workbook and the template (the inverse of `loading/`)."""
