"""Reading a document's layout: which line is a heading, an entry's header, a date line, a
bullet, a wrapped continuation or page furniture, from a learned line-role model.

``features`` turns lines into shapes (never words), ``model`` loads the shipped CRF by its
versioned name and labels lines. The segmenter consults it (``stages/segment/``).
"""

from resume_etl.stages.layout.features import FEATURES_VERSION, LineShape, line_features
from resume_etl.stages.layout.model import (
    LINE_MODELS,
    LineRoleModel,
    RoleGuess,
    line_model_for,
    load_line_model,
    model_path,
)

__all__ = [
    "FEATURES_VERSION",
    "LINE_MODELS",
    "LineRoleModel",
    "LineShape",
    "RoleGuess",
    "line_features",
    "line_model_for",
    "load_line_model",
    "model_path",
]
