"""The clerk's page (`docgen giao-dien`): a second shell beside `docgen.cli`, as thin as it is.

A handler parses the request, calls the library function the matching command calls, and
renders the result with a template; long steps run as jobs whose progress the page polls.
Layout: `server` (start, address, stop), `guard` (token, session, CSRF, Host, limits,
headers), `site` (what the server knows: workspace, campaign, jobs, downloads), `views`
(the page's Jinja templates), `jobs`, `files` (downloads by id), and one module per page.
Nothing here imports `docgen.cli`.
"""
