"""The spaCy pipeline and the stored parse (DocBin bytes) that extraction reads back."""

from pactwatch.nlp.pipeline import Pipeline, load_pipeline

__all__ = ["Pipeline", "load_pipeline"]
