"""A device library: each command runs as a task the device keeps and also returns."""
