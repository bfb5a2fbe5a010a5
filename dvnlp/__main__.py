"""``python -m dvnlp …``: the same commands as the ``dvnlp`` script (:mod:`dvnlp.cli`)."""
from dvnlp.cli import main

main()
