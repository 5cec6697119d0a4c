"""The training environment's own page (``python -m fakes``): the exercise, "Prüfen" and "Support".

"Prüfen" runs the diagnosis against the running fakes and says whether the exercise is fixed;
"Support" does what the guide leaves to the assfinet or Thinksurance support (book a feature,
unlock the product, reassign the b-Token), so every exercise can be fixed in a browser.
"""
