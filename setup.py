"""Package layout: the code in genderindex/, plus the data folders lexicons/ and models/
at the top of the repository, installed as genderindex/lexicons and genderindex/models."""
from setuptools import find_packages, setup

DATA_GLOBS = ["*", "*/*", "*/*/*"]

setup(
    packages=find_packages(include=["genderindex", "genderindex.*"])
    + ["genderindex.lexicons", "genderindex.models", "genderindex.examples"],
    package_dir={
        "genderindex.lexicons": "lexicons",
        "genderindex.models": "models",
        "genderindex.examples": "examples",
    },
    package_data={
        "genderindex": ["py.typed", "rubrics/*.toml", "report/templates/*"],
        "genderindex.lexicons": DATA_GLOBS,
        "genderindex.models": DATA_GLOBS,
        "genderindex.examples": DATA_GLOBS,
    },
    include_package_data=False,
)
