"""The record of every report and export downloaded: a file may hold reviews not yet published."""

from reviews.models import Download, GeneratedReport, ReviewCycle


def download_record(*, user, cycle: ReviewCycle, kind: str, file_name: str, parameters: dict,
                    report: GeneratedReport | None = None) -> Download:
    """Record one download; `parameters` are the validated values that chose the file's content."""
    return Download.objects.create(user=user, cycle=cycle, kind=kind, report=report, file_name=file_name,
                                   parameters=parameters)
