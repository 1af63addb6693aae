"""Storage: where a run's rows go, from part files to committed tables.

``parts`` (each batch's rows as Parquet part files), ``merge`` (which inputs need the stages,
then fresh and stored rows streamed into one table each by ``streaming``), ``store`` (the
crash-safe commit, held under ``lock``), ``fingerprint`` (when stored rows stay valid).
"""
