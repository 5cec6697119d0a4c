"""Building blocks shared by the four fakes, one job per module.

Without Starlette (importable by the models): ``state`` (state base), ``clock``, ``errors``
(exception tree, rules and their register), ``schema`` (request body declarations).
The web layer: ``endpoints`` (endpoint table, request reading and validation), ``control``
(control API), ``openapi``, ``pages`` (templates and forms) and ``app`` (assembly).
"""
