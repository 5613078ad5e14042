from .jobs import BackupJob, CleanupJob, ReportJob
from .scheduler import Scheduler


class Application:
    def __init__(self) -> None:
        self.scheduler = Scheduler()

    async def nightly(self) -> None:
        self.scheduler.schedule(CleanupJob())

    async def backup(self) -> None:
        task = self.scheduler.schedule(BackupJob())
        await task

    async def on_report_requests(self, request_ids: list[str]) -> None:
        for request_id in request_ids:
            self.scheduler.schedule(ReportJob(request_id))
