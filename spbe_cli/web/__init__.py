"""`spbe serve`: the evaluation workspace as a local web page, a front end beside the command line.

Imported only by `spbe serve` (Starlette, uvicorn and python-multipart with it). The pages call the same
loading, core and workflows (cli/workflows.py, cli/filling.py) as the commands: no second scoring,
merging or checking path. `security.py` guards every request; `workspace.py` lists and reads the
folder's files; `store.py` keeps uploads and the log under `.spbe/`; `pages.py`, `uploads.py` and
`tools.py` are the pages; `server.py` runs them.
"""
