from pkg.state import tracked


def shutdown() -> None:
    for task in tracked:
        task.cancel()
