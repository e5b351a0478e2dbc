"""The local Admin console simulator: Gmail Hosts and Routing pages, sign-in, test API."""
