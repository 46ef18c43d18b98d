"""Imported by the multiprocessing forkserver before it forks pool workers: loads every
lexicon, name table and model once, so workers start warm and share those pages."""
from .batch import warm_up

warm_up()
