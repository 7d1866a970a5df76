"""Who someone is and what they may reach: log-in, second factor, roles, API tokens."""
