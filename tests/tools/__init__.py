"""Tools the test suite fetches for itself (pinned, checked), beside the Python packages."""
