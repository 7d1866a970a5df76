"""What the newsroom sends to partners: signed webhooks when verdicts change."""
