"""The record models, by what they are about; ``resume_etl.records`` is their one public face.

Import them from ``resume_etl.records``, which also maps each table to its model.
"""
