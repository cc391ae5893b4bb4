"""The site's Jinja environment: Flask's, except that each template keeps a plain copy of the
globals instead of a view onto them.

Jinja lays a template's globals over the environment's in a ChainMap, so that a global added
after the template was loaded is still seen. Every render pays for that in Python, key by key:
each context copies the ChainMap, and each ``{% from "macros.html" import ... %}`` compares its
keys with the page's. Measured here, that was 8% of a question page (callgrind: 5.18M
instructions a page, 4.74M without). Jinja asks apps not to change globals once templates are
loaded, and the site installs all of its own in ``create_app``, before any template is loaded;
so each template copies them when it is first loaded. A template's own globals still stay its
own, as with the ChainMap: they never reach the environment.
"""

from flask.templating import Environment


class SiteEnvironment(Environment):
    def make_globals(self, d):
        return {**self.globals, **(d or {})}
