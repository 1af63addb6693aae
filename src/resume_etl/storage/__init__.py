"""Storage: where a run's rows go, from part files to committed tables.

``plan`` (which inputs need the stages), ``parts`` (each batch's rows as Parquet part files),
``merge`` (fresh and stored rows, streamed into one table each by ``streaming``), ``store``
(the crash-safe commit, held under ``lock``; file-system helpers in ``io``), ``fingerprint``
(when stored rows stay valid).
"""
