"""Input/output: reading records and documents, writing results."""
