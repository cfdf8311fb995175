"""The practice page of ``judge serve``: an ASGI app over the same engine as the CLI.

A layer above ``judging``, beside ``cli``: ``app.py`` assembles the Starlette app,
``security.py`` guards it (token, Host, Origin, sizes), ``jobs.py`` judges one
submission at a time, ``api.py`` and ``pages.py`` are the routes, ``statement.py`` and
``plot.py`` render Markdown and the growth plot, ``server.py`` runs it on uvicorn.
The web packages (starlette, uvicorn, jinja2, markdown-it-py, pygments) come with the
``web`` extra; the CLI imports this package only inside ``judge serve``.
"""

#: The packages ``judge serve`` needs, by import name (``pip install 'judge[web]'``).
REQUIRED = ("starlette", "uvicorn", "jinja2", "markdown_it", "pygments")
