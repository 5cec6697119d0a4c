"""basis: what the fakes and the harness both need, below both – the table of the systems
(``systeme``), the demo office (``demo``), the secret type (``secret``), the customer's fields
(``kundenfelder``), the values the guide prescribes (``leitfaden``), target profiles (``ziel``, with the
platform's labels in ``plattform``) and the training environment's profile (``schulungsziel``), where the
tools keep their state (``zustandsordner``), and how a refusal of a system reads (``refusal``).
Errors: ``errors``.

It imports neither ``fakes`` nor ``absprung``; both import it. The module path is the API.
"""
