"""What stands between findings and the gate: `# noqa` comments and the baseline."""
