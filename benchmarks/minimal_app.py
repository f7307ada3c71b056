"""The baseline for one file: the smallest Typer + Pydantic + PyYAML program doing the same I/O.

It reads the frameworks file and one assessment, validates the assessment with a Pydantic model,
computes the weighted index and prints it as JSON: what `spbe score FILE -f json` does, without
spbe's strictness, exactness, located errors or breakdowns.
"""

import json
import sys
from pathlib import Path

import typer
import yaml
from pydantic import BaseModel

FRAMEWORKS = Path(__file__).resolve().parent.parent / "indicators.yaml"


class Entry(BaseModel):
    level: int | float | list[int]
    target: int | float | None = None
    note: str | None = None
    evidence: list[str] = []
    pic: str | None = None


class Assessment(BaseModel):
    framework: str
    institution: str
    year: int
    levels: dict[str, int | float | list[int] | Entry]


app = typer.Typer()


@app.command()
def score(path: str) -> None:
    with open(FRAMEWORKS, "rb") as handle:
        frameworks = yaml.load(handle, Loader=yaml.CSafeLoader)
    with open(path, "rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    data["levels"] = {str(k): v for k, v in data["levels"].items()}
    assessment = Assessment.model_validate(data)
    framework = next(f for f in frameworks["frameworks"] if f["id"] == assessment.framework)
    groups = framework.get("domains") or [{"aspects": framework["aspects"]}]
    total = 0.0
    for group in groups:
        for aspect in group["aspects"]:
            for indicator in aspect["indicators"]:
                value = assessment.levels[str(indicator["id"])]
                value = value.level if isinstance(value, Entry) else value
                value = sum(value) / len(value) if isinstance(value, list) else value
                total += indicator["weight"] * value
    json.dump(
        {"institution": assessment.institution, "year": assessment.year, "index": round(total / 100, 2)}, sys.stdout
    )


if __name__ == "__main__":
    app()
