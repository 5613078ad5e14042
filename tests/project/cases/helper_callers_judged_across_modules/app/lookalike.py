"""The near miss: a function of the same name, defined here, that spawns nothing."""


def create_task_logged(name: str) -> str:
    return name.upper()


def label() -> str:
    return create_task_logged("x")
