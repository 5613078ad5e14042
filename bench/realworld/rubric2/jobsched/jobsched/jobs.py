import asyncio


class Job:
    name = "job"

    async def run(self) -> None:
        await asyncio.sleep(0.1)


class CleanupJob(Job):
    name = "cleanup"


class BackupJob(Job):
    name = "backup"


class ReportJob(Job):
    name = "report"

    def __init__(self, request_id: str) -> None:
        self.request_id = request_id
