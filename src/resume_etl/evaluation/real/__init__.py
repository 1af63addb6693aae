"""The evaluation on real résumés (``resume-etl eval-real``; rules in docs/evaluation.md).

Three real sets, read in place from the data folder and never copied: ``dotin`` (job-board
résumés with span annotations), ``jsonresume`` (people's own JSON Resume files, rendered into
text in several layouts by ``render``) and ``markdown`` (CVs as written, scored against gold
written by hand as ranges into the files, ``markdown_gold``, and counted for coverage). Each is cut
once into a *dev* and an *untouched* half by person (``split``).
"""
